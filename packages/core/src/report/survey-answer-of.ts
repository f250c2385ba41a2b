import { numberField, type ReportEvent, textField } from './report-event.ts';

export interface ReportSurveyAnswer {
  kind: 'csat' | 'nps';
  score: number;
  comment: string | null;
  answeredAt: Date;
}

const kindOf = (value: string | null): ReportSurveyAnswer['kind'] | null =>
  value === 'csat' || value === 'nps' ? value : null;

/**
 * The ticket's latest survey answer. The kind comes from the answer (`data.kind`), else from the
 * `survey.sent` with the same `surveyId`, else from the scale: a score above 5 can only be NPS (0–10).
 */
export const surveyAnswerOf = (events: readonly ReportEvent[]): ReportSurveyAnswer | null => {
  const sentKinds = new Map<string, ReportSurveyAnswer['kind']>();
  let answer: ReportSurveyAnswer | null = null;
  for (const event of events) {
    const surveyId = textField(event.data, 'surveyId');
    if (event.type === 'survey.sent') {
      const kind = kindOf(textField(event.data, 'kind'));
      if (surveyId !== null && kind !== null) sentKinds.set(surveyId, kind);
    }
    if (event.type !== 'survey.answered') continue;
    const score = numberField(event.data, 'score');
    if (score === null) continue;
    const kind =
      kindOf(textField(event.data, 'kind')) ??
      (surveyId === null ? undefined : sentKinds.get(surveyId)) ??
      (score > 5 ? 'nps' : 'csat');
    answer = { kind, score, comment: textField(event.data, 'comment'), answeredAt: event.occurredAt };
  }
  return answer;
};

/** CSAT: the share of answers that are 4 or 5, as a percentage; null without answers. */
export const csatPercent = (satisfied: number, responses: number): number | null =>
  responses === 0 ? null : (satisfied / responses) * 100;

/** NPS: % promoters (9–10) − % detractors (0–6), −100..100; null without answers. */
export const netPromoterScore = (promoters: number, detractors: number, responses: number): number | null =>
  responses === 0 ? null : ((promoters - detractors) / responses) * 100;

/** CSAT answers of 4–5 are satisfied; NPS 9–10 promote, 0–6 detract, 7–8 are passive. */
export const csatSatisfiedMin = 4;
export const npsPromoterMin = 9;
export const npsDetractorMax = 6;

export const isCsatSatisfied = (score: number): boolean => score >= csatSatisfiedMin;
export const isNpsPromoter = (score: number): boolean => score >= npsPromoterMin;
export const isNpsDetractor = (score: number): boolean => score <= npsDetractorMax;
