import { booleanField, type ReportEvent, textField } from './report-event.ts';

/** Bot messages that answer the customer; acknowledgements and questions do not stop the clock. */
export const answeringPurposes: ReadonlySet<string> = new Set(['auto-answer', 'repeat-answer']);

export interface FirstResponse {
  at: Date;
  isAutomated: boolean;
}

/**
 * The rule the ticket itself follows (plan-agent-reply, record-outbound-outcome, plan-first-contact): the
 * first response is an agent's reply (`ticket.replied`, when the agent sends it), a bot message sent with an
 * answering purpose, or an automatic resolution (the bot answered alone). Acknowledgements, information
 * requests and reminders are not responses. `events` are one ticket's, in sequence order.
 */
export const firstResponseOf = (events: readonly ReportEvent[]): FirstResponse | null => {
  for (const event of events) {
    if (event.type === 'ticket.replied') return { at: event.occurredAt, isAutomated: false };
    if (event.type === 'message.sent' && booleanField(event.data, 'isAutomated') === true) {
      const purpose = textField(event.data, 'purpose');
      if (purpose !== null && answeringPurposes.has(purpose)) return { at: event.occurredAt, isAutomated: true };
    }
    if (event.type === 'ticket.resolved' && booleanField(event.data, 'isAutomated') === true) {
      return { at: event.occurredAt, isAutomated: true };
    }
  }
  return null;
};
