import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export const sessionCookieName = 'ascolta_session';

/** Sessions slide: each request within this idle time keeps the session alive. */
export const sessionIdleSeconds = 8 * 60 * 60;

// The browser keeps the cookie a week; the server's idle expiry decides whether the session still counts.
export const sessionCookieMaxAgeSeconds = 7 * 24 * 60 * 60;

export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The CSRF token is derived from the session token, so it is bound to the session without being stored:
 * a page on another site can make the browser send the cookie but cannot read it to derive this value.
 */
export const csrfTokenFor = (sessionToken: string): string =>
  createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');

export const readSessionToken = (request: FastifyRequest): string | null => {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === sessionCookieName) return decodeURIComponent(value.join('='));
  }
  return null;
};

// Behind a TLS-terminating proxy the request itself is plain HTTP; the proxy says what the browser used.
const isHttps = (request: FastifyRequest): boolean =>
  request.protocol === 'https' || request.headers['x-forwarded-proto']?.toString().split(',')[0]?.trim() === 'https';

export const sessionCookie = (request: FastifyRequest, token: string, maxAgeSeconds: number): string =>
  [
    `${sessionCookieName}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
    ...(isHttps(request) ? ['Secure'] : []),
  ].join('; ');
