import type { OutboundMessage } from '@ascolta/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailConnector } from './email-connector.ts';
import { emailConnectorConfig } from './email-connector-config.ts';
import { emailMailbox } from './email-mailbox.ts';
import { parseEmail } from './parse-email.ts';
import { createSmtpListener, type ReceivedEmail } from './smtp-listener.ts';

const now = () => new Date('2026-11-18T09:00:00Z');
const support = emailMailbox.parse({ address: 'support@ascolta.local', displayName: 'Assistenza Ascolta' });
const customer = emailMailbox.parse({ address: 'giulia.rossi@example.it' });
const inbox: ReceivedEmail[] = [];
const customerServer = createSmtpListener({
  port: 0,
  host: '127.0.0.1',
  mailboxes: [customer],
  maxSizeBytes: 1024 * 1024,
  now,
  onMessage: async (email) => {
    inbox.push(email);
  },
});
let ids = 0;
let connector: ReturnType<typeof createEmailConnector>;
beforeAll(async () => {
  const { port } = await customerServer.start();
  const config = emailConnectorConfig.parse({ mailbox: support, smtp: { host: '127.0.0.1', port } });
  connector = createEmailConnector(config, { now, newId: () => `reply-${++ids}` });
});
afterAll(async () => {
  connector.close();
  await customerServer.stop();
});

const reply = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  channelKind: 'email',
  visibility: 'private',
  inReplyToExternalId: '<CAM-2@mail.example.it>',
  threadExternalId: '<CAM-1@mail.example.it>',
  recipientExternalId: 'giulia.rossi@example.it',
  text: 'Gentile Giulia, il rimborso è stato disposto oggi.',
  subject: 'Re: RE: Rimborso ordine 77110',
  metadata: { references: ['<CAM-1@mail.example.it>'] },
  ...overrides,
});

describe('createEmailConnector send', () => {
  it('threads the reply under the customer message and returns our Message-ID', async () => {
    const result = await connector.send(reply());
    expect(result).toEqual({
      externalId: '<ascolta.reply-1@ascolta.local>',
      threadExternalId: '<CAM-1@mail.example.it>',
    });
    const raw = inbox.at(-1)?.raw.toString('utf8') ?? '';
    expect(raw).toMatch(/^Message-ID: <ascolta\.reply-1@ascolta\.local>$/m);
    expect(raw).toMatch(/^In-Reply-To: <CAM-2@mail\.example\.it>$/m);
    expect(raw).toMatch(/^References: <CAM-1@mail\.example\.it> <CAM-2@mail\.example\.it>$/m);
    expect(raw).toMatch(/^Subject: Re: Rimborso ordine 77110$/m);
    expect(raw).toMatch(/^From: Assistenza Ascolta <support@ascolta\.local>$/m);
    expect(raw).not.toMatch(/^Auto-Submitted/m);
  });

  it('puts the customer’s answer to our reply in the same thread', async () => {
    const sent = await connector.send(reply());
    const answer = [
      'From: Giulia Rossi <giulia.rossi@example.it>',
      'To: support@ascolta.local',
      'Subject: Re: Rimborso ordine 77110',
      'Message-ID: <CAM-3@mail.example.it>',
      `In-Reply-To: ${sent.externalId}`,
      `References: <CAM-1@mail.example.it> <CAM-2@mail.example.it> ${sent.externalId}`,
      '',
      'Arrivato, grazie!',
    ].join('\r\n');
    const event = await parseEmail(Buffer.from(answer), { mailbox: support, receivedAt: now() });
    expect(event).toMatchObject({ kind: 'message', message: { threadExternalId: sent.threadExternalId } });
  });

  it('ignores its own reply when it comes back to the support mailbox', async () => {
    await connector.send(reply());
    const echo = await parseEmail(inbox.at(-1)?.raw ?? Buffer.alloc(0), { mailbox: support, receivedAt: now() });
    expect(echo).toMatchObject({ kind: 'ignored', reason: 'echo' });
  });

  it('starts a new conversation without Re: and marks bot replies as automatic', async () => {
    const result = await connector.send(
      reply({
        inReplyToExternalId: null,
        threadExternalId: '',
        subject: 'Il tuo ordine',
        metadata: { isAutomatic: true },
      }),
    );
    const raw = inbox.at(-1)?.raw.toString('utf8') ?? '';
    expect(result.threadExternalId).toBe(result.externalId);
    expect(raw).toMatch(/^Subject: Il tuo ordine$/m);
    expect(raw).toMatch(/^Auto-Submitted: auto-replied$/m);
    expect(raw).not.toMatch(/^In-Reply-To/m);
  });

  it('fails permanently for a recipient the server refuses, temporarily when it cannot connect', async () => {
    await expect(connector.send(reply({ recipientExternalId: 'nobody@example.it' }))).rejects.toMatchObject({
      failure: 'permanent',
    });
    const closed = createEmailConnector(
      emailConnectorConfig.parse({ mailbox: support, smtp: { host: '127.0.0.1', port: 1 } }),
      { now },
    );
    await expect(closed.send(reply())).rejects.toMatchObject({ name: 'ConnectorError', failure: 'temporary' });
    closed.close();
  });
});
