import { surveyKinds, surveyLowScoreActions } from '@ascolta/core';
import { z } from 'zod';

/** A workspace's survey policy (`PUT /api/v1/settings/surveys`); each bound names the field when broken. */
export const surveySettingsDto = z.object({
  isEnabled: z.boolean(),
  kind: z.enum(surveyKinds),
  /** How long after the resolution the question goes out: 0 to 7 days. */
  delayMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  /** At most one survey per customer in this many days (0: every resolution). */
  periodDays: z.number().int().min(0).max(365),
  includeAutomatedResolutions: z.boolean(),
  /** At or below these scores a survey is a low score: CSAT 1–5, NPS 0–10. */
  lowScoreThresholds: z.object({ csat: z.number().int().min(1).max(5), nps: z.number().int().min(0).max(10) }),
  lowScoreAction: z.enum(surveyLowScoreActions),
  /** How long the link works and replies count as the answer: 1 hour to 30 days. */
  expiryHours: z
    .number()
    .int()
    .min(1)
    .max(30 * 24),
});
export type SurveySettingsDto = z.infer<typeof surveySettingsDto>;
