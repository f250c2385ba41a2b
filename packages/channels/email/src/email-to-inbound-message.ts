import type { Attachment, InboundMessage } from '@ascolta/core';
import type { AddressObject, Attachment as MailAttachment, ParsedMail } from 'mailparser';
import { cleanEmailText } from './clean-email-text.ts';
import { isAutoAnswerSuppressed } from './detect-automatic-email.ts';
import type { EmailThread } from './thread-of-email.ts';

export interface EmailToInboundInput {
  parsed: ParsedMail;
  headers: ReadonlyMap<string, string>;
  fromAddress: string;
  thread: EmailThread;
  receivedAt: Date;
}

/** Attachment facts kept in metadata: the bytes stay in the mail store, never in the message row. */
export interface EmailAttachmentReference {
  name: string | null;
  mimeType: string;
  sizeBytes: number;
  checksum: string | null;
}

export function emailToInboundMessage(input: EmailToInboundInput): InboundMessage {
  const { parsed, thread, fromAddress } = input;
  const files = parsed.attachments.filter((attachment) => !attachment.related);
  return {
    channelKind: 'email',
    type: 'email',
    visibility: 'private',
    externalId: thread.messageId,
    threadExternalId: thread.rootId,
    inReplyToExternalId: thread.inReplyTo,
    authorExternalId: fromAddress,
    authorHandle: fromAddress,
    authorName: parsed.from?.value[0]?.name || null,
    authorFollowers: null,
    authorIsVerified: false,
    text: cleanEmailText(parsed.text ?? ''),
    language: languageOf(input.headers),
    receivedAt: input.receivedAt,
    attachments: files.map(toAttachment),
    subject: parsed.subject ?? null,
    metadata: {
      messageId: thread.messageId,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      sentAt: parsed.date?.toISOString() ?? null,
      to: addressesOf(parsed.to),
      cc: addressesOf(parsed.cc),
      autoAnswerSuppressed: isAutoAnswerSuppressed(input.headers),
      attachments: files.map(toReference),
    },
  };
}

function toAttachment(attachment: MailAttachment): Attachment {
  return {
    kind: kindOf(attachment.contentType),
    url: null,
    mimeType: attachment.contentType,
    name: nameOf(attachment),
  };
}

function toReference(attachment: MailAttachment): EmailAttachmentReference {
  return {
    name: nameOf(attachment),
    mimeType: attachment.contentType,
    sizeBytes: attachment.size,
    checksum: attachment.checksum ?? null,
  };
}

function nameOf(attachment: MailAttachment): string | null {
  return attachment.filename ?? null;
}

function kindOf(mimeType: string): Attachment['kind'] {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'file';
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value.flatMap((entry) => entry.address?.toLowerCase() ?? []));
}

/** `Content-Language: it-IT` → `it`; most clients send nothing and triage detects the language. */
function languageOf(headers: ReadonlyMap<string, string>): string | null {
  const tag = headers.get('content-language')?.trim().slice(0, 2).toLowerCase();
  return tag !== undefined && /^[a-z]{2}$/.test(tag) ? tag : null;
}
