import { DrizzleQueryError } from 'drizzle-orm';

/**
 * Drizzle's query errors put the SQL and every parameter (customer text, e-mail addresses) in their message,
 * which would then land in logs. Callers need the driver's own error: its SQLSTATE `code`, constraint and
 * one-line message.
 */
const unwrap = (error: unknown): unknown =>
  error instanceof DrizzleQueryError && error.cause !== undefined ? error.cause : error;

/** The same repository, whose methods reject with the driver's error instead of Drizzle's wrapper. */
export const withDriverErrors = <R extends object>(repository: R): R => {
  const guarded: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(repository) as Array<[string, unknown]>) {
    guarded[name] =
      typeof member === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await member.apply(repository, args);
            } catch (error) {
              throw unwrap(error);
            }
          }
        : member;
  }
  return guarded as R;
};
