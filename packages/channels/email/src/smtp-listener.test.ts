import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailMailbox } from './email-mailbox.ts';
import { createSmtpListener, type ReceivedEmail } from './smtp-listener.ts';

const mailbox = emailMailbox.parse({ address: 'support@ascolta.local', aliases: ['assistenza@ascolta.local'] });
const received: ReceivedEmail[] = [];
let failNext = false;
const listener = createSmtpListener({
  port: 0,
  host: '127.0.0.1',
  mailboxes: [mailbox],
  maxSizeBytes: 64 * 1024,
  now: () => new Date('2026-11-18T09:00:00Z'),
  onMessage: async (email) => {
    if (failNext) {
      failNext = false;
      throw new Error('database unavailable');
    }
    received.push(email);
  },
});
let port = 0;
beforeAll(async () => {
  port = (await listener.start()).port;
});
afterAll(() => listener.stop());

function deliver(to: string, raw: string | Buffer, from = 'giulia.rossi@example.it') {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return transport.sendMail({ envelope: { from, to: [to] }, raw });
}

describe('createSmtpListener', () => {
  it('accepts mail for an alias of a configured mailbox and hands over a cleaned message', async () => {
    const raw = readFileSync(new URL('../test/fixtures/synthetic/outlook_italian_da_inviato.eml', import.meta.url));
    await deliver('Assistenza@ascolta.local', raw);
    const email = received.at(-1);
    expect(email?.envelopeFrom).toBe('giulia.rossi@example.it');
    expect(email?.raw.toString('utf8').startsWith('Return-Path: <giulia.rossi@example.it>\r\n')).toBe(true);
    expect(email?.event).toMatchObject({
      kind: 'message',
      accountExternalId: 'support@ascolta.local',
      message: {
        externalId: '<AM0PR01MB5412.giulia.20261117@example.it>',
        receivedAt: new Date('2026-11-18T09:00:00Z'),
      },
    });
  });

  it('rejects a recipient that is not one of our mailboxes with 550', async () => {
    await expect(deliver('someone-else@ascolta.local', 'Subject: hi\r\n\r\nhi')).rejects.toMatchObject({
      responseCode: 550,
    });
  });

  it('rejects a message over the size limit with 552', async () => {
    const big = `Subject: big\r\n\r\n${'x'.repeat(70 * 1024)}`;
    await expect(deliver('support@ascolta.local', big)).rejects.toMatchObject({ responseCode: 552 });
  });

  it('answers 451 when the message could not be stored, so the sender retries', async () => {
    failNext = true;
    const count = received.length;
    await expect(deliver('support@ascolta.local', 'Subject: hi\r\n\r\nhi')).rejects.toMatchObject({
      responseCode: 451,
    });
    expect(received.length).toBe(count);
  });

  it('recognises a bounce sent with the null sender', async () => {
    await deliver('support@ascolta.local', 'From: x@example.net\r\nSubject: note\r\n\r\nhello', '');
    expect(received.at(-1)?.event).toMatchObject({ kind: 'ignored', reason: 'mailer-daemon' });
  });
});
