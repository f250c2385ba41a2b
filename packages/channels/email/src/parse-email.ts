import { createHash } from 'node:crypto';
import type { WebhookEvent } from '@ascolta/core';
import { type ParsedMail, simpleParser } from 'mailparser';
import { detectAutomaticEmail } from './detect-automatic-email.ts';
import { type EmailMailbox, isOwnEmail } from './email-mailbox.ts';
import { emailToInboundMessage } from './email-to-inbound-message.ts';
import { readDeliveryReport } from './read-delivery-report.ts';
import { threadOfEmail } from './thread-of-email.ts';

/** What one received e-mail became: a customer message, a bounce of something we sent, or noise. */
export type EmailEvent = Extract<WebhookEvent, { kind: 'message' | 'ignored' | 'delivery-status' }>;

export interface ParseEmailContext {
  mailbox: EmailMailbox;
  /** When our listener or poller got it; the Date header is the sender's claim and often wrong. */
  receivedAt: Date;
}

/** Turns one raw RFC 5322 message into an event, recognising echoes, auto-replies and bounces. */
export async function parseEmail(raw: Buffer, context: ParseEmailContext): Promise<EmailEvent> {
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  const headers = readHeaderLines(parsed);
  const fromAddress = parsed.from?.value[0]?.address?.toLowerCase() ?? null;
  const thread = threadOfEmail({
    messageId: parsed.messageId ?? fallbackMessageId(raw),
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
  });
  const accountExternalId = context.mailbox.address;
  const ignored = (reason: string): EmailEvent => ({
    kind: 'ignored',
    accountExternalId,
    externalId: thread.messageId,
    reason,
  });
  if (isOwnEmail(context.mailbox, fromAddress, thread.messageId)) return ignored('echo');
  const automatic = detectAutomaticEmail({ headers, fromAddress, subject: parsed.subject ?? null });
  if (automatic === 'delivery-status-report' || automatic === 'mailer-daemon') {
    const bounce = readDeliveryReport(parsed, context.mailbox);
    if (bounce !== null) return { kind: 'delivery-status', accountExternalId, state: 'failed', ...bounce };
  }
  if (automatic !== null) return ignored(automatic);
  if (fromAddress === null) return ignored('no-sender');
  const message = emailToInboundMessage({ parsed, headers, fromAddress, thread, receivedAt: context.receivedAt });
  return { kind: 'message', accountExternalId, message };
}

/** Header name (lower case) → value of its first occurrence, unfolded; mailparser's map is pre-digested. */
function readHeaderLines(parsed: ParsedMail): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    if (headers.has(key)) continue;
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ');
    headers.set(key.toLowerCase(), value.trim());
  }
  return headers;
}

/** A message without Message-ID still needs a stable key, or a redelivery would open a second ticket. */
function fallbackMessageId(raw: Buffer): string {
  return `<${createHash('sha256').update(raw).digest('hex')}@no-message-id.invalid>`;
}
