/** Exponential backoff: 5 s, 10 s, 20 s … capped at one hour, for the `attempt`-th failure (1-based). */
export const backoffSeconds = (attempt: number, baseSeconds = 5, capSeconds = 3600): number =>
  Math.min(capSeconds, baseSeconds * 2 ** Math.max(0, attempt - 1));

/** Failed attempts after which a job stops retrying and its message is recorded as failed. */
export const maxAttempts = 6;
