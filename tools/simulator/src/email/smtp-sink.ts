import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One e-mail the product sent, as the simulated outside world received it. */
export interface SentEmail {
  envelopeFrom: string | null;
  recipients: string[];
  /** Lower-cased address of the From header. */
  from: string | null;
  subject: string | null;
  text: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** The first message of the conversation: `References[0]`, else `In-Reply-To`, else its own id. */
  threadId: string | null;
  /** Lower-case header name → first value as written, e.g. `auto-submitted`. */
  headers: Record<string, string>;
  raw: Buffer;
  receivedAt: Date;
}

export interface SentEmailFilter {
  to?: string;
  threadId?: string;
}

/** A refusal the sink gives the next message instead of accepting it (e.g. 451 try later, 550 no such user). */
export interface SmtpRefusal {
  responseCode: number;
  message: string;
}

export interface SmtpSinkOptions {
  host: string;
  port: number;
  /** When set, sending requires AUTH with these credentials, so wrong ones can be tested. */
  auth: { user: string; password: string } | null;
  now: () => Date;
}

export interface SmtpSink {
  port: number;
  sent(filter?: SentEmailFilter): SentEmail[];
  refuseNext(refusal: SmtpRefusal): void;
  stop(): Promise<void>;
}

/** Accepts and records everything the product sends over SMTP; nothing leaves the machine. */
export async function startSmtpSink(options: SmtpSinkOptions): Promise<SmtpSink> {
  const sent: SentEmail[] = [];
  const refusals: SmtpRefusal[] = [];
  const server = new SMTPServer({
    authOptional: options.auth === null,
    allowInsecureAuth: true,
    disabledCommands: options.auth === null ? ['AUTH', 'STARTTLS'] : ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const isValid = auth.username === options.auth?.user && auth.password === options.auth?.password;
      if (isValid) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refusal = refusals.shift();
        if (refusal !== undefined) return callback(Object.assign(new Error(refusal.message), refusal));
        const envelopeFrom = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address;
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        record(Buffer.concat(chunks), envelopeFrom, recipients, options.now()).then((email) => {
          sent.push(email);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    sent: (filter = {}) => sent.filter((email) => matches(email, filter)),
    refuseNext: (refusal) => refusals.push(refusal),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function record(raw: Buffer, envelopeFrom: string | null, recipients: string[], receivedAt: Date) {
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipHtmlToText: false });
  const references = [parsed.references ?? []].flat();
  const messageId = parsed.messageId ?? null;
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) headers[key] ??= line.slice(line.indexOf(':') + 1).trim();
  return {
    envelopeFrom,
    recipients,
    from: parsed.from?.value[0]?.address?.toLowerCase() ?? null,
    subject: parsed.subject ?? null,
    text: parsed.text ?? '',
    messageId,
    inReplyTo: parsed.inReplyTo ?? null,
    references,
    threadId: references[0] ?? parsed.inReplyTo ?? messageId,
    headers,
    raw,
    receivedAt,
  } satisfies SentEmail;
}

function matches(email: SentEmail, filter: SentEmailFilter): boolean {
  if (filter.to !== undefined && !email.recipients.includes(filter.to.toLowerCase())) return false;
  return filter.threadId === undefined || email.threadId === filter.threadId;
}
