import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { runAsBackground } from './background-work.ts';
import { createPgliteDriver } from './pglite-driver.ts';

describe('createPgliteDriver', () => {
  it('lets a timer fire while background statements keep the session busy', async () => {
    const driver = createPgliteDriver(new PGlite(), async () => undefined);
    try {
      await driver.connection.query('SELECT 1', []);
      let statementsWhenTimerFired = -1;
      let statements = 0;
      setTimeout(() => {
        statementsWhenTimerFired = statements;
      }, 0);
      // PGlite settles its promises as microtasks: without pacing this loop would finish before any timer.
      await runAsBackground(async () => {
        const startedAt = performance.now();
        while (performance.now() - startedAt < 200) {
          await driver.connection.query('SELECT 1', []);
          statements += 1;
        }
      });
      expect(statementsWhenTimerFired).toBeGreaterThan(0);
      expect(statementsWhenTimerFired).toBeLessThan(statements);
    } finally {
      await driver.close();
    }
  });
});
