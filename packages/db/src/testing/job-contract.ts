import { describe, expect, it } from 'vitest';
import { createJobRunner } from '../jobs/create-job-runner.ts';
import type { CurrentStore } from './current-store.ts';

export const describeJobContract = (store: CurrentStore): void => {
  describe('jobs', () => {
    it('runs jobs of committed transactions and never those of rolled-back ones, retrying failures', async () => {
      const rolledBack = store().transaction(async (tx) => {
        await tx.jobs.send('sla.check', { workspaceId: 'jobs', ticketId: 'rolled-back' });
        throw new Error('abandoned');
      });
      await expect(rolledBack).rejects.toThrow('abandoned');
      await store().transaction(async (tx) => {
        await tx.jobs.send(
          'sla.check',
          { workspaceId: 'jobs', ticketId: 'flaky' },
          { retryLimit: 1, retryDelaySeconds: 0 },
        );
      });
      await store().transaction(async (tx) => {
        await tx.jobs.send('sla.check', { workspaceId: 'jobs', ticketId: 'committed' });
      });

      const seen: string[] = [];
      let done: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => {
        done = resolve;
      });
      const runner = createJobRunner(store(), { pollIntervalMs: 100 });
      runner.work('sla.check', async (job) => {
        seen.push(job.data.ticketId);
        if (job.data.ticketId === 'flaky' && seen.filter((id) => id === 'flaky').length === 1) {
          throw new Error('temporary failure');
        }
        if (seen.includes('committed') && seen.filter((id) => id === 'flaky').length === 2) done();
      });
      await runner.start();
      await finished;
      await runner.stop();
      expect(seen).not.toContain('rolled-back');
      expect(seen.filter((id) => id === 'flaky')).toHaveLength(2);
      expect(seen).toContain('committed');
    });
  });
};
