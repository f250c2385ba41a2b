import { createImapPoller, emailConnectorConfig } from '@ascolta/channel-email';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmailSimulator, startEmailSimulator } from './index.ts';

const now = () => new Date('2026-11-18T09:00:00Z');
let simulator: EmailSimulator;
let poller: ReturnType<typeof createImapPoller>;

beforeAll(async () => {
  simulator = await startEmailSimulator({ now, uidValidity: 7 });
  const config = emailConnectorConfig.parse({
    mailbox: { address: simulator.supportAddress },
    smtp: { host: simulator.host, port: simulator.smtpPort },
    imap: {
      host: simulator.host,
      port: simulator.imapPort,
      secure: false,
      user: simulator.user,
      password: simulator.password,
      maxMessagesPerPull: 2,
    },
  });
  if (config.imap === null) throw new Error('imap config expected');
  poller = createImapPoller({ imap: config.imap, mailbox: config.mailbox, now });
});
afterAll(() => simulator.stop());

describe('IMAP polling against the simulated mailbox', () => {
  it('reads each message once, in UID order, across pulls, and marks it seen', async () => {
    const customer = { from: 'giulia.rossi@example.it', fromName: 'Giulia Rossi', language: 'it' as const };
    const first = await simulator.deliver({ ...customer, target: { via: 'imap' }, localId: 'g-1' });
    await simulator.deliver({ ...customer, target: { via: 'imap' }, localId: 'g-2', variant: 1 });
    await simulator.deliver({ ...customer, target: { via: 'imap' }, localId: 'g-3', variant: 2 });

    const pull1 = await poller.pull(null);
    const pull2 = await poller.pull(pull1.cursor);
    const pull3 = await poller.pull(pull2.cursor);
    const ids = [...pull1.messages, ...pull2.messages, ...pull3.messages].map((message) => message.externalId);
    expect(ids).toEqual([first.messageId, '<g-2@example.it>', '<g-3@example.it>']);
    expect(pull3.messages).toEqual([]);
    expect(simulator.inbox.messages.every((mail) => mail.flags.has('\\Seen'))).toBe(true);
    expect(pull1.messages[0]?.text).toBe(
      "Buongiorno,\nl'ordine 48213 doveva arrivare venerdì ma il corriere non si è visto. Potete verificare?",
    );
  });

  it('continues from its cursor with new mail and sets aside an auto-reply', async () => {
    const before = await poller.pull(null);
    const raw = Buffer.from(
      'From: anna@example.it\r\nTo: support@ascolta.local\r\nSubject: Risposta automatica: Ordine\r\n' +
        'Message-ID: <ooo-1@example.it>\r\nAuto-Submitted: auto-replied\r\n\r\nSono in ferie.\r\n',
    );
    simulator.inbox.append(raw, now());
    await simulator.deliver({
      from: 'paul@example.com',
      fromName: 'Paul',
      language: 'en',
      target: { via: 'imap' },
      localId: 'p-1',
    });
    const after = await poller.pull(before.cursor);
    expect(after.messages.map((message) => message.externalId)).toEqual(['<p-1@example.com>']);
    expect(after.events.map((event) => event.kind)).toEqual(['ignored', 'message']);
  });

  it('fails with auth-expired for a wrong password', async () => {
    const wrong = createImapPoller({
      imap: {
        host: simulator.host,
        port: simulator.imapPort,
        secure: false,
        user: simulator.user,
        password: 'wrong',
        folder: 'INBOX',
        maxMessagesPerPull: 10,
      },
      mailbox: { address: simulator.supportAddress, displayName: null, aliases: [], messageIdDomain: null },
      now,
    });
    await expect(wrong.pull(null)).rejects.toMatchObject({ name: 'ConnectorError', failure: 'auth-expired' });
  });
});
