import { createWorkspaceConfigCache, type JobHandler, type JobPayloads, processInbound } from '@ascolta/core';
import { z } from 'zod';
import { backoffSeconds, maxAttempts } from './backoff-seconds.ts';
import { errorText } from './error-text.ts';
import type { WorkerContext } from './worker-context.ts';

const attemptsSoFar = z.object({ pipelineAttempts: z.number().int().min(0).default(0) });

/**
 * `inbound.process`: the whole care pipeline for one stored message in one transaction. A replayed job
 * finds the message processed and changes nothing. A failing message is retried with backoff from a new
 * job (so the queue keeps moving), then recorded as failed on the message with a `message.failed` event.
 */
export const processInboundJob = (context: WorkerContext): JobHandler<'inbound.process'> => {
  // The workspace configuration is read once per version for all the messages this worker processes.
  const deps = {
    classifier: context.classifier,
    clock: context.clock,
    ids: context.ids,
    configCache: createWorkspaceConfigCache(),
  };
  // PGlite runs one job at a time in arrival order; PostgreSQL workers race and must keep each author's order.
  const keepsAuthorOrder = context.store.driver !== 'pglite';

  /**
   * Processes one message under its author's lock. Unless `isInOrder`, first asks for the author's earlier
   * messages still waiting: then nothing is processed and the caller takes those first.
   */
  const processUnderLock = (ref: JobPayloads['inbound.process'], isInOrder: boolean) =>
    context.store.transaction(async (repos): Promise<string[]> => {
      if (!keepsAuthorOrder) {
        await processInbound({ ...deps, repos }, ref);
        return [];
      }
      await repos.messages.lockAuthorOf(ref.workspaceId, ref.messageId);
      const earlier = isInOrder ? [] : await repos.messages.listUnprocessedBefore(ref.workspaceId, ref.messageId);
      if (earlier.length === 0) await processInbound({ ...deps, repos }, ref);
      return earlier;
    });

  return async (job) => {
    try {
      const earlier = await processUnderLock(job.data, false);
      if (earlier.length === 0) return;
      // The customer's answer to the bot must not overtake the complaint it answers: oldest first, each in its
      // own transaction. A failing earlier message is left to its own job (retries, then `failed`).
      for (const messageId of earlier) {
        await processUnderLock({ workspaceId: job.data.workspaceId, messageId }, true).catch(() => undefined);
      }
      await processUnderLock(job.data, true);
    } catch (error) {
      await recordFailure(context, job.data, error);
    }
  };
};

const recordFailure = async (context: WorkerContext, ref: JobPayloads['inbound.process'], error: unknown) => {
  const reason = errorText(error);
  await context.store.transaction(async (repos) => {
    const message = await repos.messages.get(ref.workspaceId, ref.messageId);
    if (message === null) {
      context.log(`inbound.process: message ${ref.messageId} is gone (${reason})`);
      return;
    }
    const now = context.clock.now();
    const attempts = attemptsSoFar.parse(message.metadata).pipelineAttempts + 1;
    const metadata = { ...message.metadata, pipelineAttempts: attempts, pipelineError: reason };
    if (attempts < maxAttempts) {
      await repos.messages.update({ ...message, metadata });
      const startAfter = new Date(now.getTime() + backoffSeconds(attempts) * 1000);
      await repos.jobs.send('inbound.process', ref, { startAfter, singletonKey: ref.messageId });
      context.log(`inbound.process: message ${ref.messageId} failed (attempt ${attempts}), retrying: ${reason}`);
      return;
    }
    await repos.messages.update({ ...message, metadata, deliveryState: 'failed', deliveryError: reason });
    await repos.events.append([
      {
        id: context.ids.newId(),
        workspaceId: ref.workspaceId,
        occurredAt: now,
        actor: { type: 'system' },
        ticketId: message.ticketId,
        customerId: message.customerId,
        type: 'message.failed',
        data: { messageId: message.id, error: reason },
      },
    ]);
    context.log(`inbound.process: message ${ref.messageId} failed ${attempts} times, giving up: ${reason}`);
  });
};
