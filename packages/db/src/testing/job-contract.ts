import type { JobPayloads } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import { createJobRunner } from '../jobs/create-job-runner.ts';
import { driverOf } from '../store/store-internals.ts';
import type { CurrentStore } from './current-store.ts';

/** A promise with its resolver, to hold a handler open or wait for one. */
const signal = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
};

const jobState = async (store: CurrentStore, id: string): Promise<unknown> => {
  const { rows } = await driverOf(store()).connection.query(
    'SELECT state FROM pgboss.job WHERE id = $1',
    [id],
    'array',
  );
  return (rows[0] as unknown[] | undefined)?.[0];
};

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
      const finished = signal();
      const runner = createJobRunner(store(), { pollIntervalMs: 100 });
      runner.work('sla.check', async (job) => {
        seen.push(job.data.ticketId);
        if (job.data.ticketId === 'flaky' && seen.filter((id) => id === 'flaky').length === 1) {
          throw new Error('temporary failure');
        }
        if (seen.includes('committed') && seen.filter((id) => id === 'flaky').length === 2) finished.resolve();
      });
      await runner.start();
      await finished.promise;
      await runner.stop();
      expect(seen).not.toContain('rolled-back');
      expect(seen.filter((id) => id === 'flaky')).toHaveLength(2);
      expect(seen).toContain('committed');
    });

    it('runs a delayed job once it is due, found by the due-jobs poll while every loop is idle', async () => {
      const runner = createJobRunner(store(), { pollIntervalMs: 100 });
      const ran = signal();
      let ranAt = 0;
      runner.work('sla.check', async () => {
        ranAt = Date.now();
        ran.resolve();
      });
      await runner.start();
      const dueAt = Date.now() + 400;
      await store().transaction(async (tx) => {
        await tx.jobs.send('sla.check', { workspaceId: 'jobs', ticketId: 'delayed' }, { startAfter: new Date(dueAt) });
      });
      await ran.promise;
      await runner.stop();
      // An idle loop fetches on its own only every 30 polls (3 s here): the poll is what found the job.
      expect(ranAt).toBeGreaterThanOrEqual(dueAt);
      expect(ranAt - dueAt).toBeLessThan(2_000);
    });

    it('keeps one queued job per singleton key and never merges jobs without a key', async () => {
      const payload = { workspaceId: 'jobs', ticketId: 'single' };
      const first = await store().jobs.send('sla.check', payload, { singletonKey: 'sla:single' });
      const second = await store().jobs.send('sla.check', payload, { singletonKey: 'sla:single' });
      const other = await store().jobs.send('sla.check', payload, { singletonKey: 'sla:other' });
      const delivery = { workspaceId: 'jobs', eventId: 'e-1', endpointId: 'crm' };
      const keyless = await Promise.all([1, 2].map(() => store().jobs.send('webhook.deliver', delivery)));
      expect(first).not.toBeNull();
      expect(second).toBeNull();
      expect(other).not.toBeNull();
      expect(keyless.every((id) => id !== null)).toBe(true);
      expect(new Set(keyless).size).toBe(2);
    });

    it('fails a job whose payload does not match its schema without calling the handler', async () => {
      // A job written by another release: the types cannot stop it, the schema must.
      const malformed = { workspaceId: 'jobs' } as unknown as JobPayloads['survey.send'];
      const badId = await store().jobs.send('survey.send', malformed, { retryLimit: 0 });
      const goodId = await store().jobs.send('survey.send', { workspaceId: 'jobs', ticketId: 't-1' });
      const handled: string[] = [];
      const finished = signal();
      const runner = createJobRunner(store(), { pollIntervalMs: 100 });
      runner.work('survey.send', async (job) => {
        handled.push(job.data.ticketId);
        finished.resolve();
      });
      await runner.start();
      await finished.promise;
      await runner.stop();
      expect(handled).toEqual(['t-1']);
      expect(await jobState(store, badId ?? '')).toBe('failed');
      expect(await jobState(store, goodId ?? '')).toBe('completed');
    });

    it('stops gracefully: an in-flight job finishes and is recorded as completed', async () => {
      const id = await store().jobs.send('channel.poll', { workspaceId: 'jobs', channelId: 'c-1' });
      const started = signal();
      const release = signal();
      const runner = createJobRunner(store(), { pollIntervalMs: 100 });
      runner.work('channel.poll', async () => {
        started.resolve();
        await release.promise;
      });
      await runner.start();
      await started.promise;
      const stopped = runner.stop();
      release.resolve();
      await stopped;
      expect(await jobState(store, id ?? '')).toBe('completed');
    });
  });
};
