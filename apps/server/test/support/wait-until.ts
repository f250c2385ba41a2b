/** Polls `probe` every `intervalMs` until it returns a value other than null/false; fails with `what` after `timeoutMs`. */
export const waitUntil = async <T>(
  what: string,
  probe: () => Promise<T | null | false> | T | null | false,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};
