import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A PostgreSQL `tsvector`; only ever written by the database (a generated column). */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/** Every instant is stored with its time zone, so both drivers read back the same `Date`. */
export const instant = () => timestamp({ withTimezone: true, mode: 'date' });
