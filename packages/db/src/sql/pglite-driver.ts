import type { PGlite, Transaction } from '@electric-sql/pglite';
import { isBackgroundWork } from './background-work.ts';
import { createPriorityGate } from './priority-gate.ts';
import type { RowMode, SqlConnection, SqlDriver } from './sql-driver.ts';

type PgliteSession = Pick<PGlite, 'query' | 'exec'> | Pick<Transaction, 'query' | 'exec'>;

const bindSession = (session: PgliteSession): SqlConnection => ({
  async query(text, params, rowMode: RowMode = 'object') {
    const result = await session.query(text, [...params], { rowMode });
    return { rows: result.rows };
  },
  async exec(script) {
    const results = await session.exec(script);
    return { rows: results.at(-1)?.rows ?? [] };
  },
});

/**
 * A driver over one PGlite instance; `onClose` releases what the opener holds (the data-folder lock).
 * Transactions of background work (jobs) wait behind those of requests being served.
 */
export const createPgliteDriver = (pglite: PGlite, onClose: () => Promise<void>): SqlDriver => {
  const gate = createPriorityGate();
  return {
    kind: 'pglite',
    connection: bindSession(pglite),
    transaction: (work) => gate.run(isBackgroundWork(), () => pglite.transaction((tx) => work(bindSession(tx)))),
    isServingRequests: () => gate.hasForegroundWork(),
    async close() {
      try {
        await pglite.close();
      } finally {
        await onClose();
      }
    },
  };
};
