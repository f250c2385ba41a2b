import type { ParsedMail } from 'mailparser';
import { type EmailMailbox, isOwnEmail } from './email-mailbox.ts';
import { normaliseMessageId } from './thread-of-email.ts';

export interface BouncedEmail {
  /** The Message-ID of our reply that could not be delivered. */
  externalId: string;
  /** `Status` and `Diagnostic-Code` of the report (RFC 3464), e.g. "5.1.1 X-Postfix; unknown user". */
  error: string | null;
}

const originalTypes = new Set(['message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers']);

/**
 * Reads a delivery-status report about a message we sent, so the reply can be marked failed.
 * Returns null when the bounced message is not ours (or cannot be identified): then it is only noise.
 */
export function readDeliveryReport(parsed: ParsedMail, mailbox: EmailMailbox): BouncedEmail | null {
  const original = parsed.attachments.find((attachment) => originalTypes.has(attachment.contentType));
  const originalId = original?.content.toString('utf8').match(/^message-id:\s*(<[^<>\s]+>)/im)?.[1];
  if (originalId === undefined) return null;
  const externalId = normaliseMessageId(originalId);
  if (!isOwnEmail(mailbox, null, externalId)) return null;
  return { externalId, error: readStatus(parsed) };
}

/** mailparser inlines `message/delivery-status` into the text part; some versions keep it an attachment. */
function readStatus(parsed: ParsedMail): string | null {
  const report = parsed.attachments.find((attachment) => attachment.contentType === 'message/delivery-status');
  const text = report?.content.toString('utf8') ?? parsed.text ?? '';
  const field = (name: string): string | undefined => text.match(new RegExp(`^${name}:\\s*(.+)$`, 'im'))?.[1]?.trim();
  const parts = [field('Status'), field('Diagnostic-Code')].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : null;
}
