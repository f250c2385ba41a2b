import { loadBuiltinTriage } from '@ascolta/ai';
import type { Classifier, Store } from '@ascolta/core';
import { createJobRunner } from '@ascolta/db';
import type { ChannelEndpoints } from '../channels/channel-endpoints.ts';
import { isPolledChannel } from '../channels/is-polled-channel.ts';
import type { Config } from '../config.ts';
import type { IntegrationTiming } from '../integrations/integration-context.ts';
import {
  integrationTimingOf,
  registerIntegrationJobs,
  startEventDispatchForAll,
} from '../integrations/start-integration-jobs.ts';
import { surveyLinksOf } from '../routes/survey-links.ts';
import { checkSlaJob } from '../workers/check-sla-job.ts';
import { pollChannelJob } from '../workers/poll-channel-job.ts';
import { processInboundJob } from '../workers/process-inbound-job.ts';
import { remindInfoRequestJob } from '../workers/remind-info-request-job.ts';
import { startReportProjectionLoop } from '../workers/report-projection-loop.ts';
import { sendOutboundJob } from '../workers/send-outbound-job.ts';
import { snoozeWakeJob } from '../workers/snooze-wake-job.ts';
import { surveySendJob } from '../workers/survey-send-job.ts';
import type { WorkerContext } from '../workers/worker-context.ts';
import { systemClock } from './system-clock.ts';
import { uuidV7 } from './uuid-v7.ts';

export interface Workers {
  isRunning(): boolean;
  stop(): Promise<void>;
}

export interface WorkerOptions {
  log?: (line: string) => void;
  /** The classifier of this process; the built-in models by default. */
  classifier?: Classifier;
  /** How long an idle worker waits before asking for jobs again; default 1000 ms. */
  pollIntervalMs?: number;
  /** Webhook retries, timeouts and the event-log reader's pace; shortened by tests. */
  integrationTiming?: Partial<IntegrationTiming>;
}

export const endpointsOf = (config: Config): ChannelEndpoints => ({
  clock: systemClock,
  meta: {
    graphUrl: config.meta.graphUrl,
    appSecret: config.meta.appSecret ?? '',
    verifyToken: config.meta.verifyToken ?? '',
    accessToken: config.meta.accessToken,
  },
  x: { apiUrl: config.x.apiUrl, consumerSecret: config.x.consumerSecret ?? '', accessToken: config.x.accessToken },
  smtpRelay: config.smtpRelay,
});

/** Starts the job workers of this process: the pipeline, sends, SLA timers, reminders, channel polling, surveys. */
export const startWorkers = async (store: Store, config: Config, options: WorkerOptions = {}): Promise<Workers> => {
  const context: WorkerContext = {
    store,
    classifier: options.classifier ?? loadBuiltinTriage(),
    clock: systemClock,
    ids: uuidV7(),
    endpoints: endpointsOf(config),
    pollIntervalSeconds: config.pollIntervalSeconds,
    surveyLinks: surveyLinksOf(config),
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
  };
  const runner = createJobRunner(store, {
    concurrency: config.workerConcurrency,
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
  });
  runner.work('inbound.process', processInboundJob(context));
  runner.work('outbound.send', sendOutboundJob(context));
  runner.work('sla.check', checkSlaJob(context));
  runner.work('ticket.wake', snoozeWakeJob(context));
  runner.work('info-request.remind', remindInfoRequestJob(context));
  runner.work('channel.poll', pollChannelJob(context));
  runner.work('survey.send', surveySendJob(context));
  registerIntegrationJobs(runner, {
    store,
    clock: context.clock,
    ids: context.ids,
    log: context.log,
    timing: { ...integrationTimingOf(config), ...options.integrationTiming },
  });
  await runner.start();
  await seedPolls(store);
  await startEventDispatchForAll(store);
  const reportProjection = startReportProjectionLoop(store, context.clock, context.log);
  let running = true;
  return {
    isRunning: () => running,
    async stop() {
      running = false;
      await reportProjection.stop();
      await runner.stop();
    },
  };
};

/** Starts one poll chain per polled channel; duplicates left by an earlier run collapse in the job. */
const seedPolls = async (store: Store) => {
  for (const workspace of await store.workspaces.list()) {
    for (const channel of await store.channels.list(workspace.id)) {
      if (!isPolledChannel(channel)) continue;
      const payload = { workspaceId: workspace.id, channelId: channel.id };
      await store.jobs.send('channel.poll', payload, { singletonKey: `poll:${channel.id}` });
    }
  }
};
