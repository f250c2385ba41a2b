import { type ReportEvent, textField } from './report-event.ts';

/** What one event changes in `report_message_facts` (one row per inbound message). */
export type MessageFactChange =
  | { kind: 'received'; workspaceId: string; messageId: string; channelId: string; receivedAt: Date; sequence: number }
  | {
      kind: 'decided';
      workspaceId: string;
      messageId: string;
      outcome: 'ignored' | 'failed';
      ignoredReason: string | null;
      /** Triage dimensions when the event carries them (newer `message.ignored`). */
      messageKind: string | null;
      category: string | null;
      language: string | null;
      sequence: number;
    };

/**
 * `message.received` adds a row; `message.ignored` and `message.failed` decide it (a failed outbound
 * message has no row, so it changes nothing). Anything not decided counts as actionable.
 */
export const messageFactChange = (event: ReportEvent): MessageFactChange | null => {
  const messageId = textField(event.data, 'messageId');
  if (messageId === null) return null;
  const base = { workspaceId: event.workspaceId, messageId, sequence: event.sequence };
  if (event.type === 'message.received') {
    const channelId = textField(event.data, 'channelId') ?? '';
    return { ...base, kind: 'received', channelId, receivedAt: event.occurredAt };
  }
  if (event.type === 'message.ignored' || event.type === 'message.failed') {
    return {
      ...base,
      kind: 'decided',
      outcome: event.type === 'message.ignored' ? 'ignored' : 'failed',
      ignoredReason: event.type === 'message.ignored' ? (textField(event.data, 'reason') ?? 'unknown') : null,
      messageKind: textField(event.data, 'kind'),
      category: textField(event.data, 'category'),
      language: textField(event.data, 'language'),
    };
  }
  return null;
};
