import { readFileSync } from 'node:fs';
import { ConnectorError, type OutboundMessage } from '@ascolta/core';
import { demoAccounts, type PlatformSimulator, startPlatformSimulator } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphErrorToConnectorError } from './graph-error-to-connector-error.ts';
import { type MetaChannelKind, sendMetaMessage } from './send-meta-message.ts';

const now = new Date('2026-11-22T10:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
let simulator: PlatformSimulator;

const target = (kind: MetaChannelKind) => ({
  kind,
  accountId: {
    facebook: demoAccounts.pageId,
    messenger: demoAccounts.pageId,
    instagram: demoAccounts.instagramId,
    whatsapp: demoAccounts.whatsappPhoneId,
  }[kind],
  accessToken: 'token',
  graphBaseUrl: simulator.graphBaseUrl,
  clock: { now: () => now },
});
const reply = (fields: Partial<OutboundMessage>): OutboundMessage => ({
  channelKind: 'messenger',
  visibility: 'private',
  inReplyToExternalId: null,
  threadExternalId: '7001',
  recipientExternalId: '7001',
  text: 'Ciao, ci pensiamo noi',
  subject: null,
  metadata: {},
  ...fields,
});
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ConnectorError ? error.failure : error),
  );

beforeAll(async () => {
  simulator = await startPlatformSimulator();
});
afterAll(() => simulator.close());

describe('sendMetaMessage windows', () => {
  it('answers inside 24 hours as RESPONSE, later with the HUMAN_AGENT tag', async () => {
    await sendMetaMessage(
      target('messenger'),
      reply({ recipientExternalId: '7002', metadata: { lastCustomerMessageAt: hoursAgo(2) } }),
    );
    await sendMetaMessage(
      target('messenger'),
      reply({ recipientExternalId: '7003', metadata: { lastCustomerMessageAt: hoursAgo(30) } }),
    );
    expect(simulator.sent({ recipient: '7002' })[0]!.body).toMatchObject({ messaging_type: 'RESPONSE' });
    expect(simulator.sent({ recipient: '7003' })[0]!.body).toMatchObject({
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
  });

  it('refuses a bot after 24 hours and anyone after 7 days, without calling Meta', async () => {
    const before = simulator.sent().length;
    const bot = reply({ metadata: { lastCustomerMessageAt: hoursAgo(30), isAutomated: true } });
    expect(await failureOf(sendMetaMessage(target('messenger'), bot))).toBe('permanent');
    const late = reply({ metadata: { lastCustomerMessageAt: hoursAgo(8 * 24) } });
    expect(await failureOf(sendMetaMessage(target('instagram'), late))).toBe('permanent');
    expect(simulator.sent()).toHaveLength(before);
  });

  it('sends WhatsApp text inside the window and a template outside it', async () => {
    const customer = '393330000001';
    const base = { channelKind: 'whatsapp' as const, recipientExternalId: customer, threadExternalId: customer };
    await sendMetaMessage(target('whatsapp'), reply({ ...base, metadata: { lastCustomerMessageAt: hoursAgo(1) } }));
    const outside = reply({ ...base, metadata: { lastCustomerMessageAt: hoursAgo(25) } });
    expect(await failureOf(sendMetaMessage(target('whatsapp'), outside))).toBe('permanent');
    const template = { name: 'ticket_update', languageCode: 'it', parameters: ['A100042'] };
    await sendMetaMessage(
      target('whatsapp'),
      reply({ ...base, metadata: { lastCustomerMessageAt: hoursAgo(25), template } }),
    );
    expect(simulator.sent({ recipient: customer }).map((entry) => entry.action)).toEqual(['message', 'template']);
    expect(simulator.sent({ recipient: customer })[1]!.body).toMatchObject({
      type: 'template',
      template: {
        name: 'ticket_update',
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'A100042' }] }],
      },
    });
  });

  it('sends one private reply per comment, within 7 days of it', async () => {
    const comment = reply({
      channelKind: 'facebook',
      inReplyToExternalId: '4000001_55',
      metadata: { commentCreatedAt: hoursAgo(3) },
    });
    await sendMetaMessage(target('facebook'), comment);
    expect(simulator.sent({ recipient: '4000001_55' })[0]!.body).toMatchObject({
      recipient: { comment_id: '4000001_55' },
    });
    expect(await failureOf(sendMetaMessage(target('facebook'), comment))).toBe('permanent');
    const old = reply({
      channelKind: 'facebook',
      inReplyToExternalId: '4000001_56',
      metadata: { commentCreatedAt: hoursAgo(8 * 24) },
    });
    expect(await failureOf(sendMetaMessage(target('facebook'), old))).toBe('permanent');
  });
});

describe('graphErrorToConnectorError on the documented error bodies', () => {
  const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/meta/${name}`, import.meta.url), 'utf8');

  it('190 → auth-expired; 32 and 80001 → rate-limited; code 2 and 5xx → temporary; others → permanent', () => {
    expect(graphErrorToConnectorError(400, fixture('graph-error-oauth-190.doc.json'), new Headers()).failure).toBe(
      'auth-expired',
    );
    expect(graphErrorToConnectorError(400, fixture('graph-error-rate-limit-32.doc.json'), new Headers()).failure).toBe(
      'rate-limited',
    );
    expect(graphErrorToConnectorError(503, 'Service Unavailable', new Headers()).failure).toBe('temporary');
    expect(graphErrorToConnectorError(400, '{"error":{"message":"x","code":2}}', new Headers()).failure).toBe(
      'temporary',
    );
    const template = JSON.stringify(JSON.parse(fixture('../whatsapp/send-template-error-132000.json')).response_400);
    expect(graphErrorToConnectorError(400, template, new Headers()).failure).toBe('permanent');
  });

  it('waits the longest estimated_time_to_regain_access of X-Business-Use-Case-Usage', () => {
    const usage = JSON.parse(fixture('graph-rate-limit-headers.doc.json'))['x-business-use-case-usage'];
    const headers = new Headers({ 'x-business-use-case-usage': JSON.stringify(usage) });
    const error = graphErrorToConnectorError(400, fixture('graph-error-rate-limit-80001.doc.json'), headers);
    expect(error).toMatchObject({ failure: 'rate-limited', retryAfterSeconds: 19 * 60 });
  });
});
