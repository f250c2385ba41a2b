import { type ReportEvent, textField, textListField } from './report-event.ts';

/** The bot's reminder: a second interaction to collect the same information. */
const reminderPurpose = 'info-request-reminder';

/**
 * True when the bot asked for information (`ticket.info-requested`) and the customer's first answer
 * (`ticket.info-collected`) brought every requested field, with no reminder and no agent reply in between:
 * one automated interaction instead of the several human ones of the baseline. Events written before
 * `message.sent` carried its purpose show no reminders, so they can only count as one interaction.
 */
export const infoCollectedInOneInteraction = (events: readonly ReportEvent[]): boolean => {
  const requestIndex = events.findIndex((event) => event.type === 'ticket.info-requested');
  const request = events[requestIndex];
  if (request === undefined) return false;
  const requested = new Set(textListField(request.data, 'fields'));
  for (const event of events.slice(requestIndex + 1)) {
    if (event.type === 'ticket.replied') return false;
    if (event.type === 'message.sent' && textField(event.data, 'purpose') === reminderPurpose) return false;
    if (event.type === 'ticket.info-collected') {
      const collected = new Set(textListField(event.data, 'fields'));
      return [...requested].every((field) => collected.has(field));
    }
  }
  return false;
};
