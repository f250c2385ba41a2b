import { type CustomerEmailOptions, composeCustomerEmail } from './customer-email.ts';
import { deliverOverSmtp } from './deliver-over-smtp.ts';
import { startImapServer } from './imap-server.ts';
import { createSimulatedMailbox, type SimulatedMailbox } from './simulated-mailbox.ts';
import { type SentEmail, type SentEmailFilter, type SmtpRefusal, startSmtpSink } from './smtp-sink.ts';

export interface EmailSimulatorOptions {
  host?: string;
  /** 0 (the default) picks free ports; read the chosen ones from the result. */
  smtpPort?: number;
  imapPort?: number;
  /** Credentials of the simulated IMAP mailbox (and of the SMTP sink when `smtpAuth` is true). */
  user?: string;
  password?: string;
  smtpAuth?: boolean;
  /** The address customers write to; what lands in the IMAP INBOX is addressed to it. */
  supportAddress?: string;
  uidValidity?: number;
  now?: () => Date;
}

/** Where a customer e-mail goes: the product's SMTP listener, or the IMAP mailbox the product polls. */
export type DeliveryTarget = { via: 'imap' } | { via: 'smtp'; port: number; host?: string };

export type DeliverOptions = Omit<CustomerEmailOptions, 'to' | 'date' | 'localId'> & {
  target: DeliveryTarget;
  localId?: string;
  to?: string;
};

export interface EmailSimulator {
  host: string;
  smtpPort: number;
  imapPort: number;
  user: string;
  password: string;
  supportAddress: string;
  /** What the product sent, oldest first, optionally by recipient or thread. */
  sent(filter?: SentEmailFilter): SentEmail[];
  /** The next message the product sends is refused with this SMTP reply. */
  refuseNextSend(refusal: SmtpRefusal): void;
  /** Writes a realistic customer e-mail and delivers it; resolves with its Message-ID. */
  deliver(options: DeliverOptions): Promise<{ messageId: string }>;
  /** The INBOX the product polls, to check flags such as \Seen. */
  inbox: SimulatedMailbox;
  stop(): Promise<void>;
}

/** The outside world of e-mail for tests and demos: an SMTP sink, an IMAP mailbox and customers who write. */
export async function startEmailSimulator(options: EmailSimulatorOptions = {}): Promise<EmailSimulator> {
  const host = options.host ?? '127.0.0.1';
  const user = options.user ?? 'support@ascolta.local';
  const password = options.password ?? 'simulator';
  const supportAddress = options.supportAddress ?? 'support@ascolta.local';
  const now = options.now ?? (() => new Date());
  const inbox = createSimulatedMailbox('INBOX', options.uidValidity ?? 1);
  const auth = options.smtpAuth === true ? { user, password } : null;
  const sink = await startSmtpSink({ host, port: options.smtpPort ?? 0, auth, now });
  const imap = await startImapServer(
    { user, password, folders: new Map([['INBOX', inbox]]) },
    host,
    options.imapPort ?? 0,
  );
  let delivered = 0;
  return {
    host,
    smtpPort: sink.port,
    imapPort: imap.port,
    user,
    password,
    supportAddress,
    sent: sink.sent,
    refuseNextSend: sink.refuseNext,
    inbox,
    async deliver({ target, localId, to, ...customer }) {
      delivered += 1;
      const date = now();
      const email = await composeCustomerEmail({
        ...customer,
        to: to ?? supportAddress,
        date,
        localId: localId ?? `sim-${date.getTime()}-${delivered}`,
      });
      if (target.via === 'imap') inbox.append(email.raw, date);
      else
        await deliverOverSmtp(
          { host: target.host ?? host, port: target.port },
          customer.from,
          to ?? supportAddress,
          email.raw,
        );
      return { messageId: email.messageId };
    },
    async stop() {
      await Promise.all([sink.stop(), imap.stop()]);
    },
  };
}
