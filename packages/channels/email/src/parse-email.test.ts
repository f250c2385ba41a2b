import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emailMailbox } from './email-mailbox.ts';
import { type EmailEvent, parseEmail } from './parse-email.ts';

const mailbox = emailMailbox.parse({ address: 'Support@ascolta.local' });
const receivedAt = new Date('2026-11-18T09:00:00Z');
const raw = (path: string): Buffer => readFileSync(new URL(`../test/fixtures/${path}`, import.meta.url));
const parse = (path: string): Promise<EmailEvent> => parseEmail(raw(path), { mailbox, receivedAt });

async function parseMessage(path: string) {
  const event = await parse(path);
  if (event.kind !== 'message') throw new Error(`${path} became ${event.kind}`);
  return event.message;
}

describe('parseEmail recognises machines', () => {
  it.each([
    ['camilord-utilus/exchange-autoreply-x-autoreply.headers.eml', 'auto-submitted'],
    ['camilord-utilus/exchange-autoreply-x-auto-response-suppress.headers.eml', 'auto-submitted'],
    ['discourse/auto_generated_header.eml', 'auto-submitted'],
    ['discourse/auto_generated_precedence.eml', 'bulk-precedence'],
    ['discourse/bounced_email.eml', 'delivery-status-report'],
    ['synthetic/out_of_office_auto_replied.eml', 'auto-submitted'],
    ['synthetic/risposta_automatica_subject_only.eml', 'auto-reply-subject'],
    ['synthetic/fuori_sede_x_autorespond.eml', 'auto-reply-header'],
    ['synthetic/echo_from_our_mailbox.eml', 'echo'],
  ])('%s is ignored as %s', async (path, reason) => {
    const event = await parse(path);
    expect(event).toMatchObject({ kind: 'ignored', accountExternalId: 'support@ascolta.local', reason });
  });

  it('turns a bounce of our own reply into a failed delivery of that reply', async () => {
    const bounce = raw('discourse/bounced_email.eml')
      .toString('utf8')
      .replace('X-Discourse-Auto-Generated: marked', 'Message-ID: <ascolta.42@ascolta.local>');
    const event = await parseEmail(Buffer.from(bounce), { mailbox, receivedAt });
    expect(event).toEqual({
      kind: 'delivery-status',
      accountExternalId: 'support@ascolta.local',
      externalId: '<ascolta.42@ascolta.local>',
      state: 'failed',
      error: '5.1.1 X-Postfix; unknown user: "linux-admin"',
    });
  });

  it('treats mail carrying our Message-ID as an echo whoever it claims to be from', async () => {
    const echo = 'From: someone@example.com\r\nMessage-ID: <ascolta.7@ascolta.local>\r\nSubject: Re: x\r\n\r\nhi';
    expect(await parseEmail(Buffer.from(echo), { mailbox, receivedAt })).toMatchObject({ reason: 'echo' });
  });

  it('keeps a customer whose client only asked not to be auto-answered', async () => {
    const message = await parseMessage('synthetic/suppress_hint_only.eml');
    expect(message.text).toBe('Hello, the invoice charges me twice for the same monitor. Please fix it.');
    expect(message.metadata.autoAnswerSuppressed).toBe(true);
  });
});

describe('parseEmail normalises customer mail', () => {
  it('threads a reply to the root of its References and keeps attachments by reference', async () => {
    const message = await parseMessage('synthetic/customer_reply_with_attachment.eml');
    expect(message).toMatchObject({
      channelKind: 'email',
      type: 'email',
      visibility: 'private',
      externalId: '<CAM-reply-77110@mail.example.it>',
      threadExternalId: '<CAM-root-77110@mail.example.it>',
      inReplyToExternalId: '<ascolta-2@ascolta.local>',
      authorExternalId: 'marco.esposito@example.it',
      authorName: 'Marco Esposito',
      subject: 'Re: Rimborso ordine 77110',
      text: 'Ecco la ricevuta in allegato, il rimborso non è ancora arrivato.',
      receivedAt,
      attachments: [{ kind: 'file', url: null, mimeType: 'application/pdf', name: 'ricevuta-77110.pdf' }],
    });
    expect(message.metadata).toMatchObject({
      messageId: '<CAM-reply-77110@mail.example.it>',
      inReplyTo: '<ascolta-2@ascolta.local>',
      references: ['<CAM-root-77110@mail.example.it>', '<ascolta-2@ascolta.local>'],
      attachments: [{ name: 'ricevuta-77110.pdf', mimeType: 'application/pdf', sizeBytes: 78 }],
    });
    expect(JSON.stringify(message)).not.toContain('JVBERi0');
  });

  it('decodes quoted-printable before cutting an Italian Outlook reply', async () => {
    const message = await parseMessage('synthetic/outlook_italian_da_inviato.eml');
    expect(message.text).toBe(
      'Buongiorno,\nil corriere dice che il pacco è in giacenza ma nessuno mi ha avvisato. Potete aiutarmi?',
    );
    expect(message.authorHandle).toBe('giulia.rossi@example.it');
  });

  it('cuts the Apple Mail quote and threads on In-Reply-To', async () => {
    const message = await parseMessage('mailgun-talon/apple_mail_2.eml');
    expect(message.text).toBe('Hello');
    expect(message.threadExternalId).toBe('<CABzQGhkMXDxUt_tSVQcg=43aniUhtsVfCZVzu-PG0kwS_uzqMw@mail.gmail.com>');
  });

  it('reads an HTML-only e-mail as text and cuts the Gmail quote', async () => {
    const html = [
      'From: Luca <luca@example.it>',
      'Message-ID: <html-1@example.it>',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<div dir="ltr">La app si blocca al <b>login</b>.</div><br><div class="gmail_quote">',
      '<div class="gmail_attr">Il giorno mar 17 nov 2026 alle ore 18:02 Assistenza &lt;support@ascolta.local&gt; ha scritto:<br></div>',
      '<blockquote class="gmail_quote">Ci dica di più.</blockquote></div>',
    ].join('\r\n');
    const event = await parseEmail(Buffer.from(html), { mailbox, receivedAt });
    expect(event).toMatchObject({ kind: 'message', message: { text: 'La app si blocca al login.' } });
  });

  it('starts its own thread when it answers nothing, and gets a stable id without a Message-ID', async () => {
    const bare = Buffer.from('From: a@example.com\r\nSubject: Help\r\n\r\nMy order is late');
    const first = await parseEmail(bare, { mailbox, receivedAt });
    const again = await parseEmail(bare, { mailbox, receivedAt });
    if (first.kind !== 'message' || again.kind !== 'message') throw new Error('expected messages');
    expect(first.message.externalId).toBe(again.message.externalId);
    expect(first.message.threadExternalId).toBe(first.message.externalId);
    expect(first.message.inReplyToExternalId).toBeNull();
  });
});
