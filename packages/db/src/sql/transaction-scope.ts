import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlConnection } from './sql-driver.ts';

/**
 * Catches the store being used from inside its own transaction callback (`store.x` where `tx.x` was meant).
 * On PGlite that call waits for the transaction, which waits for the call: a silent hang. On PostgreSQL it
 * reads outside the transaction and can wait on the transaction's own row locks. Both fail loudly instead.
 */
export interface TransactionScope {
  /** Runs `work` as the body of an open transaction. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** The connection outside transactions, refusing calls made from inside an open one. */
  guard(connection: SqlConnection): SqlConnection;
  assertOutside(): void;
}

export const createTransactionScope = (): TransactionScope => {
  const current = new AsyncLocalStorage<{ isOpen: boolean }>();
  const assertOutside = () => {
    if (current.getStore()?.isOpen === true) {
      throw new Error('the store was used inside its own transaction: use the `tx` repositories given to the callback');
    }
  };
  return {
    run(work) {
      const scope = { isOpen: true };
      // Work scheduled by the callback that runs after the commit is outside the transaction again.
      return current.run(scope, () => work().finally(() => (scope.isOpen = false)));
    },
    guard: (connection) => ({
      query(text, params, rowMode) {
        assertOutside();
        return connection.query(text, params, rowMode);
      },
      exec(script) {
        assertOutside();
        return connection.exec(script);
      },
    }),
    assertOutside,
  };
};
