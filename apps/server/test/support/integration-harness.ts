import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJobRunner, type JobRunner } from '@ascolta/db';
import type { IntegrationContext } from '../../src/integrations/integration-context.ts';
import { registerIntegrationJobs, startEventDispatchForAll } from '../../src/integrations/start-integration-jobs.ts';
import { type ApiTestApp, createApiTestApp } from '../../src/routes/api-test-app.test-support.ts';
import { systemClock } from '../../src/runtime/system-clock.ts';
import { uuidV7 } from '../../src/runtime/uuid-v7.ts';

export interface IntegrationHarness {
  t: ApiTestApp;
  context: IntegrationContext;
  admin: Record<string, string>;
  /** What the integration jobs logged, newest last (printed by tests that fail). */
  logLines: string[];
  close(): Promise<void>;
}

/**
 * The real app on a seeded test store, with the integrations' jobs running on pg-boss against the same
 * database. Retry waits are tens of milliseconds so tests are quick; nothing asserts on elapsed time.
 */
export const startIntegrationHarness = async (maxAttempts = 4): Promise<IntegrationHarness> => {
  const t = await createApiTestApp();
  const runner: JobRunner = createJobRunner(t.store, { pollIntervalMs: 20 });
  const logLines: string[] = [];
  const context = registerIntegrationJobs(runner, {
    store: t.store,
    clock: systemClock,
    ids: uuidV7(),
    timing: {
      webhookRetry: { maxAttempts, baseDelayMs: 20, maxDelayMs: 80, jitterRatio: 0.2 },
      // Generous: a busy test machine must not turn a slow answer into a timeout the assertions did not expect.
      webhookTimeoutMs: 2000,
      dispatchIntervalMs: 30,
      idleDispatchIntervalMs: 30,
      sequenceGapGraceMs: 200,
      crmRetryDelayMs: 20,
      crmMaxAttempts: 3,
      endpointPauseAfterFailures: 3,
      endpointPauseMs: 60_000,
    },
    log: (line) => {
      logLines.push(line);
      if (process.env.TEST_LOG === '1') process.stderr.write(`${line}\n`);
    },
  });
  await runner.start();
  await startEventDispatchForAll(t.store);
  const admin = (await t.signIn('admin@ascolta.local')).headers;
  return {
    t,
    context,
    admin,
    logLines,
    async close() {
      await runner.stop();
      await t.close();
    },
  };
};

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status this server answered with. */
  answeredWith: number;
}

export interface TestReceiver {
  url: string;
  received: ReceivedRequest[];
  /** Decides each answer: a status, or `hang` to never answer. */
  answer: (request: {
    path: string;
    body: string;
    index: number;
  }) => number | 'hang' | { status: number; json: unknown };
  close(): Promise<void>;
}

/** A real HTTP server on a free local port that records every request. */
export const startReceiver = async (): Promise<TestReceiver> => {
  const receiver: TestReceiver = {
    url: '',
    received: [],
    answer: () => 200,
    close: async () => undefined,
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      const answer = receiver.answer({ path, body, index: receiver.received.length });
      if (answer === 'hang') {
        receiver.received.push({ path, headers: request.headers, body, answeredWith: 0 });
        return;
      }
      const { status, json } = typeof answer === 'number' ? { status: answer, json: { ok: answer < 300 } } : answer;
      receiver.received.push({ path, headers: request.headers, body, answeredWith: status });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
};
