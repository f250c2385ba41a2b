/**
 * The closed set of failures the domain can report. Each boundary (HTTP, CLI, job runner)
 * translates a code into its own language in exactly one table.
 */
export const domainErrorCodes = [
  'not-found',
  'invalid-input',
  'conflict',
  'invalid-transition',
  'ticket-closed',
  'unauthenticated',
  'forbidden',
  'unknown-channel',
  'bad-signature',
  'payload-too-large',
  'capacity-reached',
  'rate-limited',
  'unavailable',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: DomainErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
