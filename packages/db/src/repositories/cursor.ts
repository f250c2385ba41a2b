import { DomainError } from '@ascolta/core';
import { z } from 'zod';

/** A keyset position: the sort key values of the last row of the previous page. */
const cursorJson = z.object({ sort: z.string(), after: z.array(z.union([z.string(), z.number()])) });
export type Cursor = z.infer<typeof cursorJson>;

export const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** Reads a cursor made by `encodeCursor` for the same sort; anything else is the caller's mistake. */
export const decodeCursor = (text: string, sort: string): Cursor['after'] => {
  try {
    const cursor = cursorJson.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (cursor.sort === sort) return cursor.after;
  } catch {
    // Falls through to the one error below: a cursor is opaque, its parse error means nothing to a client.
  }
  throw new DomainError('invalid-input', 'the cursor does not belong to this listing');
};

export const defaultPageSize = 50;
export const maxPageSize = 500;

export const pageSize = (limit: number | undefined): number =>
  Math.min(maxPageSize, Math.max(1, Math.trunc(limit ?? defaultPageSize)));
