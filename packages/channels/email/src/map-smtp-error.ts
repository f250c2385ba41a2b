import { ConnectorError } from '@ascolta/core';

/** What nodemailer attaches to its errors; every field may be missing. */
interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

const authCodes = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);
const networkCodes = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPROTOCOL',
]);
/** 530 authentication required, 534 mechanism too weak, 535 credentials invalid (RFC 4954). */
const authReplyCodes = new Set([530, 534, 535]);

/** Providers say "rate", "too many" or "throttled" in a 4xx reply (e.g. 421 4.7.0, 450 4.2.1). */
const throttling = /\brate\b|too many|throttl/i;
/** SMTP carries no Retry-After; a minute is what large providers suggest in their 4xx texts. */
const throttleRetrySeconds = 60;

/** Translates a failed SMTP send into the closed set the retry logic understands. */
export function mapSmtpError(error: unknown): ConnectorError {
  const failure: SmtpFailure = typeof error === 'object' && error !== null ? error : {};
  const code = typeof failure.code === 'string' ? failure.code : null;
  const reply = typeof failure.responseCode === 'number' ? failure.responseCode : null;
  const detail = describe(failure, code, reply);
  if ((code !== null && authCodes.has(code)) || (reply !== null && authReplyCodes.has(reply))) {
    return new ConnectorError('auth-expired', detail);
  }
  if (reply !== null && reply >= 400 && reply < 500) {
    return throttling.test(detail)
      ? new ConnectorError('rate-limited', detail, throttleRetrySeconds)
      : new ConnectorError('temporary', detail);
  }
  if (reply !== null && reply >= 500) return new ConnectorError('permanent', detail);
  if (code !== null && networkCodes.has(code)) return new ConnectorError('temporary', detail);
  return new ConnectorError('permanent', detail);
}

function describe(failure: SmtpFailure, code: string | null, reply: number | null): string {
  const text = typeof failure.response === 'string' ? failure.response : String(failure.message ?? 'unknown error');
  return `SMTP send failed${code === null ? '' : ` (${code}${reply === null ? '' : ` ${reply}`})`}: ${text}`;
}
