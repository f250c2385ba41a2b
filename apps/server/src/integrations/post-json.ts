export type PostOutcome = { kind: 'answered'; status: number; body: string } | { kind: 'failed'; error: string };

// Enough of an error page to say what went wrong, not a whole HTML document in the delivery log.
const maxBodyChars = 2000;

/**
 * POSTs a JSON body and reads the answer, within `timeoutMs` for the whole exchange. Redirects are not
 * followed (a webhook receiver must answer itself). Never throws: network failures come back as `failed`.
 */
export const postJson = async (
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<PostOutcome> => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Ascolta-Integrations/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { kind: 'answered', status: response.status, body: text.slice(0, maxBodyChars) };
  } catch (error) {
    return { kind: 'failed', error: describeFetchError(error, timeoutMs) };
  }
};

const describeFetchError = (error: unknown, timeoutMs: number): string => {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  // undici puts the socket's reason (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
};

export const isSuccessStatus = (status: number): boolean => status >= 200 && status < 300;
