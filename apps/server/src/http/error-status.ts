import type { DomainErrorCode } from '@ascolta/core';

/** The one table that turns domain failures into HTTP statuses. */
export const errorStatus: Record<DomainErrorCode, number> = {
  'not-found': 404,
  'invalid-input': 400,
  conflict: 409,
  'invalid-transition': 409,
  'ticket-closed': 409,
  unauthenticated: 401,
  forbidden: 403,
  'unknown-channel': 404,
  'bad-signature': 401,
  'payload-too-large': 413,
  'capacity-reached': 409,
  'rate-limited': 429,
  unavailable: 503,
};
