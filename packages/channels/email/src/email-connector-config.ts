import { z } from 'zod';
import { emailMailbox } from './email-mailbox.ts';

const port = z.number().int().min(1).max(65_535);

/** Everything one e-mail channel needs; the app builds it from channel settings and secrets. */
export const emailConnectorConfig = z.object({
  mailbox: emailMailbox,
  /** Where replies are submitted (the operator's relay or provider). */
  smtp: z.object({
    host: z.string().min(1),
    port,
    /** true for implicit TLS (465); false sends plain and upgrades with STARTTLS when offered. */
    secure: z.boolean().default(false),
    user: z.string().min(1).nullable().default(null),
    password: z.string().nullable().default(null),
  }),
  /** The mailbox to poll; null when mail arrives through the built-in SMTP listener instead. */
  imap: z
    .object({
      host: z.string().min(1),
      port,
      secure: z.boolean().default(true),
      user: z.string().min(1),
      password: z.string(),
      folder: z.string().min(1).default('INBOX'),
      /** Caps one pull so a backlog of thousands is drained over several polls. */
      maxMessagesPerPull: z.number().int().min(1).default(100),
    })
    .nullable()
    .default(null),
});
export type EmailConnectorConfig = z.infer<typeof emailConnectorConfig>;
export type ImapConfig = NonNullable<EmailConnectorConfig['imap']>;
