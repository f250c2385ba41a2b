export { buildReplyHeaders, emailReplyMetadata, type ReplyHeaders } from './build-reply-headers.ts';
export { cleanEmailText } from './clean-email-text.ts';
export { type AutomaticEmailReason, detectAutomaticEmail, isAutoAnswerSuppressed } from './detect-automatic-email.ts';
export { createEmailConnector, type EmailConnector, type EmailConnectorDeps } from './email-connector.ts';
export { type EmailConnectorConfig, emailConnectorConfig, type ImapConfig } from './email-connector-config.ts';
export { type EmailMailbox, emailMailbox } from './email-mailbox.ts';
export type { EmailAttachmentReference } from './email-to-inbound-message.ts';
export { createImapPoller, type EmailPullResult, type ImapPollerOptions } from './imap-poller.ts';
export { mapSmtpError } from './map-smtp-error.ts';
export { type EmailEvent, type ParseEmailContext, parseEmail } from './parse-email.ts';
export {
  createSmtpListener,
  type ReceivedEmail,
  type SmtpListener,
  type SmtpListenerOptions,
} from './smtp-listener.ts';
export { type EmailThread, threadOfEmail } from './thread-of-email.ts';
