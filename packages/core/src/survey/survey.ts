export type SurveyKind = 'csat' | 'nps';

/** A satisfaction question sent after resolution: CSAT 1–5 or NPS 0–10. */
export interface Survey {
  id: string;
  workspaceId: string;
  ticketId: string;
  customerId: string;
  kind: SurveyKind;
  status: 'sent' | 'answered' | 'expired';
  score: number | null;
  comment: string | null;
  sentAt: Date;
  answeredAt: Date | null;
}
