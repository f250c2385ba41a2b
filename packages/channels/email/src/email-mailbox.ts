import { z } from 'zod';

/** The support mailbox a channel speaks for: who we are when we send, and how we recognise our own mail. */
export const emailMailbox = z.object({
  address: z.email().transform((address) => address.toLowerCase()),
  /** Shown in the From header of replies. */
  displayName: z.string().min(1).nullable().default(null),
  /** Other addresses that deliver into this mailbox and that we send from (lower-cased). */
  aliases: z.array(z.email().transform((address) => address.toLowerCase())).default([]),
  /** Right-hand side of the Message-IDs we generate; defaults to the mailbox's domain. */
  messageIdDomain: z.string().min(1).nullable().default(null),
});
export type EmailMailbox = z.infer<typeof emailMailbox>;

/** Local-part prefix of our Message-IDs: colleagues on the same domain must not look like our echoes. */
export const ownMessageIdPrefix = 'ascolta.';

export function messageIdDomainOf(mailbox: EmailMailbox): string {
  return mailbox.messageIdDomain ?? mailbox.address.split('@')[1] ?? mailbox.address;
}

/** Our own outgoing mail coming back (a copy in the polled folder, a CC, a loop): never a customer. */
export function isOwnEmail(mailbox: EmailMailbox, fromAddress: string | null, messageId: string): boolean {
  const ours = [mailbox.address, ...mailbox.aliases];
  if (fromAddress !== null && ours.includes(fromAddress)) return true;
  const id = messageId.toLowerCase();
  return id.startsWith(`<${ownMessageIdPrefix}`) && id.endsWith(`@${messageIdDomainOf(mailbox).toLowerCase()}>`);
}
