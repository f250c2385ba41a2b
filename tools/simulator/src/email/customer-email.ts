import MailComposer from 'nodemailer/lib/mail-composer';
import type { SentEmail } from './smtp-sink.ts';

export type CustomerLanguage = 'it' | 'en';

export interface CustomerEmailOptions {
  from: string;
  fromName: string;
  to: string;
  language: CustomerLanguage;
  /** Picks one of the built-in realistic complaints; ignored when `text` is given. */
  variant?: number;
  text?: string;
  subject?: string;
  /** The product's reply being answered: threads the e-mail and quotes it the way real clients do. */
  replyTo?: SentEmail;
  /** Local part of the Message-ID; tests fix it so runs are reproducible. */
  localId: string;
  date: Date;
  attachment?: { filename: string; contentType: string; content: Buffer };
}

export interface ComposedEmail {
  raw: Buffer;
  messageId: string;
}

const complaints: Record<CustomerLanguage, readonly { subject: string; text: string }[]> = {
  it: [
    {
      subject: 'Ordine 48213 non consegnato',
      text: "Buongiorno,\nl'ordine 48213 doveva arrivare venerdì ma il corriere non si è visto. Potete verificare?",
    },
    {
      subject: 'Addebito doppio',
      text: 'Salve,\nmi avete addebitato due volte la fattura 2026-311 (89,90 €). Chiedo il rimborso.',
    },
    {
      subject: 'Prodotto difettoso',
      text: 'Buonasera,\nla lavatrice consegnata ieri perde acqua dal cassetto. Come procedo per la sostituzione?',
    },
  ],
  en: [
    {
      subject: 'Order 48213 has not arrived',
      text: 'Hello,\nmy order 48213 was due on Friday and nothing has arrived. Can you check?',
    },
    {
      subject: 'Charged twice',
      text: 'Hi,\nI was charged twice for invoice 2026-311 ($89.90). Please refund one of them.',
    },
    {
      subject: 'Broken on arrival',
      text: 'Good evening,\nthe monitor I received yesterday has a cracked screen. How do I get a replacement?',
    },
  ],
};
const signOffs: Record<CustomerLanguage, string> = {
  it: 'Grazie\n{name}\n\nInviato da iPhone',
  en: 'Thanks,\n{name}\n\nSent from my iPhone',
};

/** Writes a customer e-mail as a mail client would: signature, and the quoted history when replying. */
export async function composeCustomerEmail(options: CustomerEmailOptions): Promise<ComposedEmail> {
  const domain = options.from.split('@')[1] ?? 'example.com';
  const messageId = `<${options.localId}@${domain}>`;
  const complaint = complaints[options.language][(options.variant ?? 0) % complaints[options.language].length];
  const body = `${options.text ?? complaint?.text ?? ''}\n\n${signOffs[options.language].replace('{name}', options.fromName)}`;
  const reply = options.replyTo;
  const subject =
    reply === undefined
      ? (options.subject ?? complaint?.subject ?? '')
      : `Re: ${(reply.subject ?? '').replace(/^(re:\s*)+/i, '')}`;
  const compiled = new MailComposer({
    from: { name: options.fromName, address: options.from },
    to: options.to,
    subject,
    text: reply === undefined ? body : `${body}\n\n${quoteHistory(reply, options.language)}`,
    messageId,
    date: options.date,
    inReplyTo: reply?.messageId ?? undefined,
    references:
      reply === undefined ? undefined : [...reply.references, ...(reply.messageId === null ? [] : [reply.messageId])],
    attachments: options.attachment === undefined ? [] : [options.attachment],
  }).compile();
  return { raw: await compiled.build(), messageId };
}

/** Gmail's attribution line and `>` quotes, in the customer's language. */
function quoteHistory(reply: SentEmail, language: CustomerLanguage): string {
  const when = reply.receivedAt.toISOString().slice(0, 16).replace('T', ' ');
  const sender = reply.from ?? 'support';
  const attribution =
    language === 'it' ? `Il giorno ${when} <${sender}> ha scritto:` : `On ${when}, <${sender}> wrote:`;
  const quoted = reply.text
    .trimEnd()
    .split('\n')
    .map((line) => `> ${line}`);
  return [attribution, '', ...quoted].join('\n');
}
