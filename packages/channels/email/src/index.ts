export { cleanEmailText } from './clean-email-text.ts';
export { type AutomaticEmailReason, detectAutomaticEmail, isAutoAnswerSuppressed } from './detect-automatic-email.ts';
export { type EmailMailbox, emailMailbox } from './email-mailbox.ts';
export type { EmailAttachmentReference } from './email-to-inbound-message.ts';
export { type EmailEvent, type ParseEmailContext, parseEmail } from './parse-email.ts';
export { type EmailThread, threadOfEmail } from './thread-of-email.ts';
