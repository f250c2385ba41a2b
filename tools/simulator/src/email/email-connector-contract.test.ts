import {
  createEmailConnector,
  createSmtpListener,
  type EmailConnector,
  type EmailEvent,
  emailConnectorConfig,
  emailMailbox,
  type ReceivedEmail,
} from '@ascolta/channel-email';
import type { InboundMessage, OutboundMessage } from '@ascolta/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOverSmtp, type EmailSimulator, startEmailSimulator } from './index.ts';

/**
 * The shared connector contract (stable ids, replies in the customer's thread, echoes ignored, failures
 * mapped) for e-mail, which has no webhook to sign: mail arrives through the product's SMTP listener.
 */
const now = () => new Date('2026-11-18T09:00:00Z');
const support = emailMailbox.parse({ address: 'support@ascolta.local', displayName: 'Assistenza' });
const received: ReceivedEmail[] = [];
const listener = createSmtpListener({
  port: 0,
  host: '127.0.0.1',
  mailboxes: [support],
  maxSizeBytes: 1024 * 1024,
  now,
  onMessage: async (email) => {
    received.push(email);
  },
});
let simulator: EmailSimulator;
let connector: EmailConnector;
let listenerPort = 0;

beforeAll(async () => {
  listenerPort = (await listener.start()).port;
  simulator = await startEmailSimulator({ now, smtpAuth: true });
  connector = connectorWith(simulator.password);
});
afterAll(async () => {
  connector.close();
  await Promise.all([listener.stop(), simulator.stop()]);
});

function connectorWith(password: string): EmailConnector {
  const smtp = { host: simulator.host, port: simulator.smtpPort, user: simulator.user, password };
  return createEmailConnector(emailConnectorConfig.parse({ mailbox: support, smtp }), { now });
}

async function customerWrites(localId: string, replyTo?: Parameters<EmailSimulator['deliver']>[0]['replyTo']) {
  const customer = { from: 'Giulia.Rossi@example.it', fromName: 'Giulia Rossi', language: 'it' as const };
  await simulator.deliver({ ...customer, localId, replyTo, target: { via: 'smtp', port: listenerPort } });
  return messageOf(received.at(-1)?.event);
}

function messageOf(event: EmailEvent | undefined): InboundMessage {
  if (event?.kind !== 'message') throw new Error(`expected a customer message, got ${event?.kind}`);
  return event.message;
}

const replyTo = (message: InboundMessage, text: string): OutboundMessage => ({
  channelKind: 'email',
  visibility: 'private',
  inReplyToExternalId: message.externalId,
  threadExternalId: message.threadExternalId,
  recipientExternalId: message.authorExternalId,
  text,
  subject: message.subject,
  metadata: { references: message.metadata.references },
});

describe('e-mail connector contract', () => {
  it('gives a redelivered e-mail the same external id and thread', async () => {
    const first = await customerWrites('contract-1');
    const again = await customerWrites('contract-1');
    expect(first).toMatchObject({ channelKind: 'email', externalId: '<contract-1@example.it>' });
    expect(again.externalId).toBe(first.externalId);
    expect(again.threadExternalId).toBe(first.threadExternalId);
    expect(first.authorExternalId).toBe('giulia.rossi@example.it');
  });

  it('lands a reply in the customer thread, and the customer’s answer in the same thread', async () => {
    const message = await customerWrites('contract-private');
    const result = await connector.send(replyTo(message, 'Gentile Giulia, verifichiamo subito.'));
    expect(result.threadExternalId).toBe(message.threadExternalId);
    const inThread = simulator.sent({ threadId: message.threadExternalId });
    expect(inThread.map((email) => email.text.trim())).toContain('Gentile Giulia, verifichiamo subito.');
    expect(inThread.at(-1)).toMatchObject({ messageId: result.externalId, subject: `Re: ${message.subject}` });
    const answer = await customerWrites('contract-answer', inThread.at(-1));
    expect(answer.threadExternalId).toBe(message.threadExternalId);
    expect(answer.text).not.toContain('verifichiamo');
  });

  it('ignores our own reply when it comes back', async () => {
    const message = await customerWrites('contract-echo');
    await connector.send(replyTo(message, 'Echo test'));
    const ours = simulator.sent({ to: 'giulia.rossi@example.it' }).at(-1);
    const transport = { host: simulator.host, port: listenerPort };
    await deliverOverSmtp(transport, 'support@ascolta.local', 'support@ascolta.local', ours?.raw ?? Buffer.alloc(0));
    expect(received.at(-1)?.event).toMatchObject({ kind: 'ignored', reason: 'echo' });
  });

  it.each([
    [{ responseCode: 451, message: '4.3.0 Mail server temporarily rejected message' }, 'temporary'],
    [{ responseCode: 421, message: '4.7.0 Too many messages, try again later' }, 'rate-limited'],
    [{ responseCode: 554, message: '5.7.1 Message rejected as spam' }, 'permanent'],
  ])('maps an SMTP refusal %j to %s', async (refusal, failure) => {
    const message = await customerWrites(`contract-failure-${refusal.responseCode}`);
    simulator.refuseNextSend(refusal);
    await expect(connector.send(replyTo(message, 'will fail'))).rejects.toMatchObject({ failure });
  });

  it('maps rejected credentials to auth-expired', async () => {
    const message = await customerWrites('contract-auth');
    const stale = connectorWith('expired-password');
    await expect(stale.send(replyTo(message, 'will fail'))).rejects.toMatchObject({ failure: 'auth-expired' });
    stale.close();
  });
});
