import type { PGlite, Transaction } from '@electric-sql/pglite';
import { isBackgroundWork } from './background-work.ts';
import { createPriorityGate } from './priority-gate.ts';
import type { RowMode, SqlConnection, SqlDriver } from './sql-driver.ts';

type PgliteSession = Pick<PGlite, 'query' | 'exec'> | Pick<Transaction, 'query' | 'exec'>;

/**
 * PGlite answers on the main thread and its promises settle as microtasks, so a job loop (fetch, a whole
 * transaction, complete, fetch…) would never return to the event loop and webhooks could not even be read.
 * Background statements therefore give the event loop a turn once `sliceMs` of work has passed.
 */
const createPacer = (sliceMs: number) => {
  let sliceStartedAt = performance.now();
  return async (): Promise<void> => {
    if (!isBackgroundWork() || performance.now() - sliceStartedAt < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStartedAt = performance.now();
  };
};

const bindSession = (session: PgliteSession, pace: () => Promise<void>): SqlConnection => ({
  async query(text, params, rowMode: RowMode = 'object') {
    await pace();
    const result = await session.query(text, [...params], { rowMode });
    return { rows: result.rows };
  },
  async exec(script) {
    await pace();
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
  const pace = createPacer(10);
  return {
    kind: 'pglite',
    connection: bindSession(pglite, pace),
    transaction: (work) => gate.run(isBackgroundWork(), () => pglite.transaction((tx) => work(bindSession(tx, pace)))),
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
