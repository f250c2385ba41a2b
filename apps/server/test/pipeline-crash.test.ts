import type { Message } from '@ascolta/core';
import { openStore } from '@ascolta/db';
import { demoAccounts, demoSecrets, type SentRecord, signDelivery, xTweetDelivery } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../src/demo/demo-ids.ts';
import { type PipelineEnvironment, startPipelineEnvironment } from './support/pipeline-environment.ts';
import { serveInChild } from './support/serve-in-child.ts';
import { allMessages } from './support/start-pipeline-server.ts';
import { waitUntil } from './support/wait-until.ts';

// A worker killed with SIGKILL in the middle of a burst, restarted on the same data: nothing lost, nothing twice.
// A restarted PGlite owner requeues the jobs its dead predecessor held at once; on PostgreSQL other workers may
// still hold theirs, so a dead worker's jobs come back after their expiry (60 s, checked every 15 s; see
// docs/adr/0006-pipeline-runtime.md): the PostgreSQL run waits for that.
const onPostgres = process.env.TEST_DATABASE_URL !== undefined && process.env.TEST_DATABASE_URL !== '';
const burst = 24;
let environment: PipelineEnvironment;
let stored: Message[] = [];
let sent: SentRecord[] = [];

const tweets = Array.from({ length: burst }, (_, index) =>
  xTweetDelivery({
    forUserId: demoAccounts.xAccountId,
    forUserHandle: demoAccounts.xHandle,
    tweetId: String(1_800_000_000_000_000_000n + BigInt(index)),
    author: {
      id: String(5_500_000 + index),
      screenName: `cliente_${index}`,
      name: `Cliente ${index}`,
      followers: 50,
      verified: false,
    },
    text: `@${demoAccounts.xHandle} la fibra non funziona da due giorni e nessuno mi aiuta (${index})`,
    at: new Date(),
    lang: 'it',
    mentionsAccount: true,
  }),
);

/** Delivers like X does: a delivery that got no 200 is delivered again later. */
const deliver = async (url: string, body: unknown): Promise<boolean> => {
  const signed = signDelivery({ platform: 'x', body }, demoSecrets, new Date());
  const response = await fetch(new URL(signed.path, url), {
    method: 'POST',
    headers: signed.headers,
    body: signed.rawBody,
  }).catch(() => null);
  return response?.ok === true;
};

const stableSendCount = async (): Promise<number> => {
  let previous = -1;
  return waitUntil(
    'the simulator to stop receiving replies',
    () => {
      const count = environment.platform.sent().length;
      const isStable = count === previous && count >= burst;
      previous = count;
      return isStable ? count : null;
    },
    90_000,
    3000,
  );
};

/** PostgreSQL only (PGlite has one owner): every inbound message processed and no reply left queued. */
const everythingDone = async (databaseUrl: string) => {
  const store = await openStore({ databaseUrl, dataDir: '' });
  try {
    await waitUntil(
      'the dead worker’s jobs to come back and finish',
      async () => {
        const messages = await allMessages(store, demoWorkspaceId);
        const inbound = messages.filter((message) => message.direction === 'inbound');
        const isProcessed = inbound.every((message) => message.triage !== null || message.ignoredReason !== null);
        return isProcessed && inbound.length >= burst && messages.every((m) => m.deliveryState !== 'queued');
      },
      150_000,
      2000,
    );
  } finally {
    await store.close();
  }
};

beforeAll(async () => {
  environment = await startPipelineEnvironment({ ownDatabase: true });
  const env = { ...environment.env, ASCOLTA_SMTP_PORT: '0', LOG_LEVEL: 'warn' };
  const first = await serveInChild(env);
  for (const body of tweets.slice(0, burst / 2)) await deliver(first.url, body);
  // Kill while the workers are sending: some replies are out, the rest are queued or in flight.
  await waitUntil('the first replies', () => environment.platform.sent().length >= 3, 30_000, 50);
  await first.kill();
  const second = await serveInChild(env);
  for (const body of tweets) expect(await deliver(second.url, body)).toBe(true);
  if (env.DATABASE_URL !== undefined) await everythingDone(env.DATABASE_URL);
  await stableSendCount();
  await second.stop();
  const store = await openStore({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.ASCOLTA_DATA_DIR ?? '' });
  stored = await allMessages(store, demoWorkspaceId);
  await store.close();
  sent = environment.platform.sent();
}, 330_000);

afterAll(async () => {
  await environment?.stop();
});

describe(`a worker killed mid-burst (${onPostgres ? 'PostgreSQL: its jobs come back after their expiry' : 'embedded store'})`, () => {
  it('loses no customer message: each is stored once and taken through the pipeline', () => {
    for (const body of tweets) {
      const id = body.tweet_create_events[0]?.id_str;
      const copies = stored.filter((message) => message.direction === 'inbound' && message.externalId === id);
      expect(copies, id).toHaveLength(1);
      expect(copies[0]?.triage, id).not.toBeNull();
    }
  });

  it('sends no reply twice and leaves none queued', () => {
    const keys = sent.map((record) => `${record.action}|${record.inReplyTo ?? record.recipient}|${record.text}`);
    expect(keys.length - new Set(keys).size).toBe(0);
    const outbound = stored.filter((message) => message.direction === 'outbound' && message.channelKind === 'x');
    expect(outbound.filter((message) => message.deliveryState === 'queued')).toEqual([]);
    const sentIds = new Set(sent.map((record) => record.externalId));
    for (const message of outbound.filter((candidate) => candidate.deliveryState === 'sent')) {
      expect(sentIds.has(message.externalId), message.externalId).toBe(true);
    }
  });
});
