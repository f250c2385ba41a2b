import type { SurveyKind } from './survey.ts';

export const surveyLowScoreActions = ['reopen', 'alert', 'none'] as const;
/** What a low score does besides its event: reopen the ticket, alert its agent (or the supervisors), nothing. */
export type SurveyLowScoreAction = (typeof surveyLowScoreActions)[number];

/** A workspace's survey policy, one part of its settings document. */
export interface SurveySettings {
  isEnabled: boolean;
  kind: SurveyKind;
  /** How long after the resolution the question goes out; a reopened ticket gets none. */
  delayMinutes: number;
  /** At most one survey per customer in this many days. */
  periodDays: number;
  /** Whether tickets the bot resolved alone are surveyed too. */
  includeAutomatedResolutions: boolean;
  /** A score at or below the threshold of its kind is low. */
  lowScoreThresholds: Readonly<Record<SurveyKind, number>>;
  lowScoreAction: SurveyLowScoreAction;
  /** How long the link works and the customer's messages are read as the answer. */
  expiryHours: number;
}

/** Off until a workspace turns it on: a survey speaks to customers in the brand's name. */
export const defaultSurveySettings: SurveySettings = {
  isEnabled: false,
  kind: 'csat',
  delayMinutes: 60,
  periodDays: 30,
  includeAutomatedResolutions: false,
  lowScoreThresholds: { csat: 2, nps: 6 },
  lowScoreAction: 'alert',
  expiryHours: 72,
};
