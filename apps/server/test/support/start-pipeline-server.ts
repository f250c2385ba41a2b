import type { Message, Store } from '@ascolta/core';
import { type Delivery, demoSecrets, signDelivery } from '@ascolta/simulator';
import { loadConfig } from '../../src/config.ts';
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
  settle(workspaceId: string, timeoutMs?: number): Promise<Message[]>;
  stop(): Promise<void>;
}

/** The real server in this process (`ascolta start` without the CLI), wired to the environment's simulators. */
export const startPipelineServer = async (environment: PipelineEnvironment): Promise<PipelineServer> => {
  const config = loadConfig(environment.env);
  const server = await startServer(config, 'all', () => undefined);
  const url = server.url ?? '';
  return {
    server,
    url,
    store: server.store,
    smtpPort: server.smtpPort ?? 0,
    async post(delivery) {
      const signed = signDelivery(delivery, demoSecrets, new Date());
      return fetch(new URL(signed.path, url), { method: 'POST', headers: signed.headers, body: signed.rawBody });
    },
    settle: (workspaceId, timeoutMs) => settleStore(server.store, workspaceId, timeoutMs),
    stop: () => server.stop(),
  };
};

const isUnsettled = (message: Message): boolean =>
  message.direction === 'inbound'
    ? message.triage === null && message.ignoredReason === null && message.deliveryState !== 'failed'
    : message.deliveryState === 'queued';

/** All messages of the workspace once none is waiting for a worker. */
export const settleStore = (store: Store, workspaceId: string, timeoutMs = 30_000): Promise<Message[]> =>
  waitUntil(
    'the pipeline to settle',
    async () => {
      const messages = await allMessages(store, workspaceId);
      return messages.some(isUnsettled) ? null : messages;
    },
    timeoutMs,
  );

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
