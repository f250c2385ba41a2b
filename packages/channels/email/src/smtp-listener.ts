import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { EmailMailbox } from './email-mailbox.ts';
import { type EmailEvent, parseEmail } from './parse-email.ts';

/** One accepted e-mail for one of our mailboxes; `raw` is kept so the server can store the event as received. */
export interface ReceivedEmail {
  mailbox: EmailMailbox;
  event: EmailEvent;
  /** The message as delivered, with the `Return-Path` a delivery agent adds (RFC 5321 §4.4). */
  raw: Buffer;
  envelopeFrom: string | null;
}

export interface SmtpListenerOptions {
  port: number;
  host: string;
  /** Mail is accepted only for these mailboxes (address or alias); others get 550 at RCPT TO. */
  mailboxes: readonly EmailMailbox[];
  maxSizeBytes: number;
  /** Must store the event before resolving: a rejection answers 451 so the sender retries later. */
  onMessage: (received: ReceivedEmail) => Promise<void>;
  now: () => Date;
}

export interface SmtpListener {
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** The built-in inbound mail server: plain SMTP on a port the operator's MX or relay forwards to. */
export function createSmtpListener(options: SmtpListenerOptions): SmtpListener {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    banner: 'Ascolta inbound mail',
    size: options.maxSizeBytes,
    // A cap on parallel sessions keeps a flood of slow senders from exhausting the process.
    maxClients: 100,
    onRcptTo(address, _session, callback) {
      if (mailboxFor(options.mailboxes, address.address) !== null) return callback();
      callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
    },
    onData(stream, session, callback) {
      receive(options, stream, session).then(
        () => callback(),
        (error: unknown) => callback(error instanceof SmtpReplyError ? error : smtpError(451, '4.3.0 try again later')),
      );
    },
  });
  return {
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          resolve({ port: (server.server.address() as AddressInfo).port });
        });
      }),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function receive(options: SmtpListenerOptions, stream: Readable, session: SMTPServerSession): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if ((stream as Readable & { sizeExceeded?: boolean }).sizeExceeded === true) {
    throw smtpError(552, `5.3.4 message larger than ${options.maxSizeBytes} bytes`);
  }
  const envelopeFrom = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address;
  const raw = Buffer.concat([Buffer.from(`Return-Path: <${envelopeFrom ?? ''}>\r\n`), ...chunks]);
  const receivedAt = options.now();
  const mailboxes = new Set(session.envelope.rcptTo.map((rcpt) => mailboxFor(options.mailboxes, rcpt.address)));
  for (const mailbox of mailboxes) {
    if (mailbox === null) continue;
    const event = await parseEmail(raw, { mailbox, receivedAt });
    await options.onMessage({ mailbox, event, raw, envelopeFrom });
  }
}

function mailboxFor(mailboxes: readonly EmailMailbox[], address: string): EmailMailbox | null {
  const wanted = address.toLowerCase();
  return mailboxes.find((mailbox) => mailbox.address === wanted || mailbox.aliases.includes(wanted)) ?? null;
}

/** smtp-server answers with `responseCode` when the error carries one. */
class SmtpReplyError extends Error {
  readonly responseCode: number;
  constructor(responseCode: number, message: string) {
    super(message);
    this.responseCode = responseCode;
  }
}

function smtpError(responseCode: number, message: string): SmtpReplyError {
  return new SmtpReplyError(responseCode, message);
}
