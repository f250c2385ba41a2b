import { DomainError } from '@ascolta/core';

const uniqueViolation = '23505';

const hasCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === code;

// Drizzle wraps the driver's error (with its SQLSTATE `code`) as the `cause` of its own.
const isUniqueViolation = (error: unknown): boolean =>
  hasCode(error, uniqueViolation) ||
  (error instanceof Error && error.cause !== undefined && hasCode(error.cause, uniqueViolation));

/** Runs an insert and turns a duplicate key into `DomainError('conflict')`; any other failure passes through. */
export const insertOrConflict = async (insert: Promise<unknown>, what: string): Promise<void> => {
  try {
    await insert;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('conflict', `${what} already exists`);
    throw error;
  }
};

/** An update that matched no row: the caller named something that is not there. */
export const requireUpdated = (rows: readonly unknown[], what: string): void => {
  if (rows.length === 0) throw new DomainError('not-found', `${what} not found`);
};
