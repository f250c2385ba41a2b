import { DomainError, type Store } from '@ascolta/core';
import type { SqlDriver } from '../sql/sql-driver.ts';

// Kept beside, not on, the store: the public object stays core's `Store` plus three methods.
const drivers = new WeakMap<Store, SqlDriver>();

export const rememberDriver = (store: Store, driver: SqlDriver): void => {
  drivers.set(store, driver);
};

/** The database behind a store opened by this package (the job runner needs its connection). */
export const driverOf = (store: Store): SqlDriver => {
  const driver = drivers.get(store);
  if (driver === undefined) throw new DomainError('invalid-input', 'this store was not opened by @ascolta/db');
  return driver;
};

/** The same store with extra clean-up after `close` (a test database dropped), still usable by the job runner. */
export const withAfterClose = <S extends Store>(store: S, afterClose: () => Promise<void>): S => {
  const wrapped: S = {
    ...store,
    async close() {
      try {
        await store.close();
      } finally {
        await afterClose();
      }
    },
  };
  rememberDriver(wrapped, driverOf(store));
  return wrapped;
};
