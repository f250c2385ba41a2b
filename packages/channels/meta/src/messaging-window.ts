import { ConnectorError } from '@ascolta/core';

const hourMs = 3_600_000;
export const standardWindowHours = 24;
export const humanAgentWindowHours = 7 * 24;

export type MessagingType = { messaging_type: 'RESPONSE' } | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' };

/**
 * Messenger and Instagram policy: free-form replies within 24 hours of the customer's last message; a
 * human agent may answer with the HUMAN_AGENT tag up to 7 days; after that (or for a bot) nothing.
 */
export const messagingTypeFor = (
  lastCustomerMessageAt: Date | undefined,
  now: Date,
  isAutomated: boolean,
): MessagingType => {
  if (lastCustomerMessageAt === undefined) return { messaging_type: 'RESPONSE' };
  const ageHours = (now.getTime() - lastCustomerMessageAt.getTime()) / hourMs;
  if (ageHours <= standardWindowHours) return { messaging_type: 'RESPONSE' };
  if (ageHours <= humanAgentWindowHours && !isAutomated) return { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
  const why = isAutomated ? 'an automated reply may not use HUMAN_AGENT' : 'the 7-day HUMAN_AGENT window has closed';
  throw new ConnectorError('permanent', `outside the 24-hour messaging window and ${why}`);
};

/** Private replies: one per comment or post, within 7 days of its creation. */
export const assertPrivateReplyAllowed = (createdAt: Date | undefined, now: Date): void => {
  if (createdAt === undefined) return;
  if (now.getTime() - createdAt.getTime() > humanAgentWindowHours * hourMs) {
    throw new ConnectorError('permanent', 'a private reply must be sent within 7 days of the comment');
  }
};

/** WhatsApp: free-form text only within 24 hours of the customer's last message, templates otherwise. */
export const isInsideStandardWindow = (lastCustomerMessageAt: Date | undefined, now: Date): boolean =>
  lastCustomerMessageAt === undefined ||
  now.getTime() - lastCustomerMessageAt.getTime() <= standardWindowHours * hourMs;
