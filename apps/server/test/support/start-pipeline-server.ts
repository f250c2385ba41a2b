import type { Message, Store } from '@ascolta/core';
import { createTestStore } from '@ascolta/db/testing';
import { type Delivery, demoSecrets, signDelivery } from '@ascolta/simulator';
import { loadConfig } from '../../src/config.ts';
import { demoWorkspaceId } from '../../src/demo/demo-ids.ts';
import { type RunningServer, startServer } from '../../src/runtime/start-server.ts';
import type { PipelineEnvironment } from './pipeline-environment.ts';
import { waitUntil } from './wait-until.ts';

export interface PipelineServer {
  server: RunningServer;
  url: string;
  store: Store;
  smtpPort: number;
  /** Signs a delivery as the platform would and POSTs it to the server's webhook. */
  post(delivery: Delivery): Promise<Response>;
  /** Waits until every inbound message is through the pipeline and every queued reply left. */
  settle(timeoutMs?: number): Promise<Message[]>;
  stop(): Promise<void>;
}

/**
 * The real server in this process (`ascolta start` without the CLI), wired to the environment's simulators,
 * on a fresh test store (PGlite cloned from a migrated template, or PostgreSQL with `TEST_DATABASE_URL`).
 */
export const startPipelineServer = async (
  environment: PipelineEnvironment,
  log: (line: string) => void = () => undefined,
): Promise<PipelineServer> => {
  const config = loadConfig(environment.env);
  const server = await startServer(config, 'all', log, { store: await createTestStore() });
  const url = server.url ?? '';
  // The demo's seeded conversations never went through the pipeline: only what the test sends counts.
  const seeded = new Set((await allMessages(server.store, demoWorkspaceId)).map((message) => message.id));
  return {
    server,
    url,
    store: server.store,
    smtpPort: server.smtpPort ?? 0,
    async post(delivery) {
      const signed = signDelivery(delivery, demoSecrets, new Date());
      return fetch(new URL(signed.path, url), { method: 'POST', headers: signed.headers, body: signed.rawBody });
    },
    settle: (timeoutMs) => settleStore(server.store, seeded, timeoutMs),
    stop: () => server.stop(),
  };
};

const isUnsettled = (message: Message): boolean =>
  message.direction === 'inbound'
    ? // A survey answer is processed without triage: it only joins its ticket.
      message.triage === null &&
      message.ignoredReason === null &&
      message.ticketId === null &&
      message.deliveryState !== 'failed'
    : message.deliveryState === 'queued';

/** The demo workspace's messages but `seeded` ones, once none of them is waiting for a worker. */
export const settleStore = async (
  store: Store,
  seeded: ReadonlySet<string>,
  timeoutMs = 30_000,
): Promise<Message[]> => {
  let waiting: Message[] = [];
  try {
    return await waitUntil(
      'the pipeline to settle',
      async () => {
        const messages = (await allMessages(store, demoWorkspaceId)).filter((message) => !seeded.has(message.id));
        waiting = messages.filter(isUnsettled);
        return waiting.length > 0 ? null : messages;
      },
      timeoutMs,
      // Listing every message is not free on PGlite's one connection: look seldom, not often.
      1000,
    );
  } catch (error) {
    const sample = waiting.slice(0, 5).map((message) => ({
      direction: message.direction,
      channel: message.channelKind,
      metadata: message.metadata,
    }));
    throw new Error(`${String(error)}: ${waiting.length} messages waiting, e.g. ${JSON.stringify(sample)}`);
  }
};

export const allMessages = async (store: Store, workspaceId: string): Promise<Message[]> => {
  const messages: Message[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.messages.list({ workspaceId, cursor, limit: 500 });
    messages.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return messages;
};
