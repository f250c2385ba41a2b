import { createHmac } from 'node:crypto';
import { demoAccounts, xTweetDelivery } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoCredentials } from '../src/demo/demo-credentials.ts';
import { demoWorkspaceId } from '../src/demo/demo-ids.ts';
import { startReceiver, type TestReceiver } from './support/integration-harness.ts';
import { type PipelineEnvironment, startPipelineEnvironment } from './support/pipeline-environment.ts';
import { type PipelineServer, startPipelineServer } from './support/start-pipeline-server.ts';
import { waitUntil } from './support/wait-until.ts';

// Issue #7 end to end: a tweet from a new customer goes through the pipeline; the integrations follow the event
// log, so the CRM is asked about the new customer and a webhook reports the new ticket, both outside the pipeline.
// The reader of a workspace without integrations looks every 5 s; waits below allow for that on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

let environment: PipelineEnvironment;
let pipeline: PipelineServer;
let outside: TestReceiver;
let headers: Record<string, string>;
const tweetId = '1800000000000000777';

beforeAll(async () => {
  environment = await startPipelineEnvironment();
  environment.env.ASCOLTA_EVENT_DISPATCH_INTERVAL_MS = '50';
  pipeline = await startPipelineServer(environment);
  outside = await startReceiver();
  outside.answer = ({ path }) =>
    path === '/crm/lookup'
      ? {
          status: 200,
          json: { crmId: 'CRM-E2E', valueTier: 'platinum', lifetimeValueCents: 9_000_000, purchasesCount: 40 },
        }
      : 200;
  const login = await fetch(`${pipeline.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoCredentials.adminEmail, password: demoCredentials.password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  headers = { cookie, 'x-csrf-token': (await login.json()).csrfToken, 'content-type': 'application/json' };
}, 60_000);

afterAll(async () => {
  await outside?.close();
  await pipeline?.stop();
  await environment?.stop();
});

const api = (method: string, path: string, body: object) =>
  fetch(`${pipeline.url}${path}`, { method, headers, body: JSON.stringify(body) });

describe('integrations behind the pipeline', () => {
  it('enriches a new customer from the CRM and reports the new ticket to a signed webhook', async () => {
    expect((await api('PUT', '/api/v1/settings/crm', { lookupUrl: `${outside.url}/crm/lookup` })).status).toBe(200);
    const created = await api('POST', '/api/v1/webhook-endpoints', {
      url: `${outside.url}/hooks`,
      eventTypes: ['ticket.opened', 'customer.enriched'],
    });
    const { secret } = await created.json();

    const body = xTweetDelivery({
      forUserId: demoAccounts.xAccountId,
      forUserHandle: demoAccounts.xHandle,
      tweetId,
      author: { id: '4400000000000077', screenName: 'nuova_cliente', name: 'Nuova', followers: 15, verified: false },
      text: `@${demoAccounts.xHandle} il mio ordine non è mai arrivato, sono molto arrabbiata`,
      at: new Date(),
      lang: 'it',
      mentionsAccount: true,
    });
    expect((await pipeline.post({ platform: 'x', body })).status).toBe(200);

    const message = await waitUntil(
      'the tweet through the pipeline',
      async () => {
        const { items } = await pipeline.store.messages.list({ workspaceId: demoWorkspaceId, externalId: tweetId });
        return items[0]?.ticketId ? items[0] : null;
      },
      60_000,
    );
    const customerId = message.customerId ?? '';
    const customer = await waitUntil(
      'the CRM values on the new customer',
      async () => {
        const found = await pipeline.store.customers.get(demoWorkspaceId, customerId);
        return found?.crmId === 'CRM-E2E' ? found : null;
      },
      60_000,
    );
    expect(customer).toMatchObject({ valueTier: 'platinum', lifetimeValueCents: 9_000_000, purchasesCount: 40 });
    const lookup = JSON.parse(outside.received.find((request) => request.path === '/crm/lookup')?.body ?? '{}');
    expect(lookup.identities).toContainEqual({ kind: 'handle', channel: 'x', value: '4400000000000077' });

    const hooks = await waitUntil(
      'both webhooks',
      () => {
        const found = outside.received.filter((request) => request.path === '/hooks');
        return found.length >= 2 ? found : null;
      },
      60_000,
    );
    const types = hooks.map((request) => JSON.parse(request.body).type).sort();
    expect(types).toEqual(['customer.enriched', 'ticket.opened']);
    for (const request of hooks) {
      const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
      const signed = `${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`;
      expect(request.headers['webhook-signature']).toBe(
        `v1,${createHmac('sha256', key).update(signed).digest('base64')}`,
      );
    }
    const opened = hooks.find((request) => JSON.parse(request.body).type === 'ticket.opened');
    expect(JSON.parse(opened?.body ?? '{}').data).toMatchObject({ ticketId: message.ticketId, customerId });
  });
});
