export const surveyKinds = ['csat', 'nps'] as const;
export type SurveyKind = (typeof surveyKinds)[number];

/** `sent`: waiting for the answer (also after the one re-ask); `expired`: given up or timed out. */
export type SurveyStatus = 'sent' | 'answered' | 'expired';

/** A satisfaction question sent after resolution: CSAT 1–5 or NPS 0–10. */
export interface Survey {
  id: string;
  workspaceId: string;
  ticketId: string;
  customerId: string;
  kind: SurveyKind;
  status: SurveyStatus;
  score: number | null;
  comment: string | null;
  sentAt: Date;
  answeredAt: Date | null;
  /** The channel and conversation the question went to: the customer's next message there may be the answer. */
  channelId: string | null;
  threadExternalId: string | null;
  /** ISO 639-1 code the question was asked in; the answer page speaks it too. */
  language: string | null;
  questionMessageId: string | null;
  /** When the one clarifying question went out after an answer that could not be read. */
  reaskedAt: Date | null;
  /** After this the link stops working and messages are no longer read as answers. */
  expiresAt: Date | null;
}

/** The lowest and highest score of each kind. */
export const surveyScale: Readonly<Record<SurveyKind, { min: number; max: number }>> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
};
