import {
  type Attachment,
  type BusinessHours,
  channelKinds,
  entityKinds,
  type InfoField,
  messageKinds,
  type PriorityContribution,
  priorityBands,
  type RuleAction,
  type RuleCondition,
  type SlaTargets,
  surveyKinds,
  surveyLowScoreActions,
  type Triage,
  urgencyCues,
  type WorkspaceSettings,
} from '@ascolta/core';
import { z } from 'zod';

/** zod schemas for the JSON columns: what comes back from the database is parsed, not trusted. */

export const jsonObject = z.record(z.string(), z.unknown());
export const localizedText = z.record(z.string(), z.string());

export const attachmentsJson: z.ZodType<Attachment[]> = z.array(
  z.object({
    kind: z.enum(['image', 'video', 'audio', 'file', 'sticker', 'link', 'other']),
    url: z.string().nullable(),
    mimeType: z.string().nullable(),
    name: z.string().nullable(),
  }),
);

const span = { start: z.number().int(), end: z.number().int() };

export const triageJson: z.ZodType<Triage> = z.object({
  language: z.string(),
  languageConfidence: z.number(),
  actionable: z.boolean(),
  kind: z.enum(messageKinds),
  category: z.string(),
  categoryConfidence: z.number(),
  sentiment: z.number(),
  sentimentLabel: z.enum(['negative', 'neutral', 'positive']),
  urgency: z.array(z.enum(urgencyCues)),
  entities: z.array(z.object({ ...span, kind: z.enum(entityKinds), text: z.string(), value: z.string() })),
  pii: z.array(z.object({ ...span, kind: z.enum(['email', 'phone', 'iban', 'codice-fiscale', 'card-number']) })),
  scores: z.record(z.string(), z.number()),
  confidence: z.number(),
  explanation: z.array(z.string()),
  model: z.string(),
});

export const priorityContributionsJson: z.ZodType<PriorityContribution[]> = z.array(
  z.object({ factor: z.string(), points: z.number(), reason: z.string() }),
);

export const openingIntervalsJson: z.ZodType<BusinessHours['intervals']> = z.array(
  z.object({
    day: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    startMinute: z.number().int(),
    endMinute: z.number().int(),
  }),
);

const slaTargets: z.ZodType<SlaTargets> = z.object({
  firstResponseMinutes: z.number(),
  nextResponseMinutes: z.number(),
  resolutionMinutes: z.number(),
});

export const slaTargetsJson = z.object({ low: slaTargets, normal: slaTargets, high: slaTargets, urgent: slaTargets });

export const infoFieldsJson: z.ZodType<InfoField[]> = z.array(
  z.object({
    name: z.string(),
    entity: z.union([z.enum(entityKinds), z.literal('free-text')]),
    label: localizedText,
    isRequired: z.boolean(),
  }),
);

const conditionValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const ruleConditionsJson: z.ZodType<RuleCondition[]> = z.array(
  z.object({
    field: z.string(),
    operator: z.enum(['equals', 'not-equals', 'in', 'contains', 'greater-than', 'less-than']),
    value: conditionValue,
  }),
);

export const ruleActionsJson: z.ZodType<RuleAction[]> = z.array(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('add-priority'), points: z.number() }),
    z.object({ type: z.literal('set-priority-band'), band: z.enum(priorityBands) }),
    z.object({ type: z.literal('assign-team'), teamId: z.string() }),
    z.object({ type: z.literal('assign-agent'), agentId: z.string() }),
    z.object({ type: z.literal('set-category'), category: z.string() }),
    z.object({ type: z.literal('ignore'), reason: z.string() }),
  ]),
);

const tone = z.object({ greeting: z.string(), signOff: z.string() });

export const workspaceSettingsJson: z.ZodType<WorkspaceSettings> = z.object({
  priorityWeights: z.object({
    severity: z.number(),
    sentiment: z.number(),
    urgency: z.number(),
    customerValue: z.number(),
    influence: z.number(),
    repeatContacts: z.number(),
    crossChannel: z.number(),
    slaTimeLeft: z.number(),
  }),
  priorityBands: z.object({ normal: z.number(), high: z.number(), urgent: z.number() }),
  automation: z.record(z.string(), z.object({ isAutomated: z.boolean(), minConfidence: z.number() })).optional(),
  threading: z.object({ repeatWindowMinutes: z.number(), reopenWindowMinutes: z.number() }).optional(),
  incidents: z.object({ minCustomers: z.number(), windowMinutes: z.number(), minSimilarity: z.number() }).optional(),
  tone: z.object({ it: tone.optional(), en: tone.optional() }).optional(),
  surveys: z
    .object({
      isEnabled: z.boolean(),
      kind: z.enum(surveyKinds),
      delayMinutes: z.number(),
      periodDays: z.number(),
      includeAutomatedResolutions: z.boolean(),
      lowScoreThresholds: z.object({ csat: z.number(), nps: z.number() }),
      lowScoreAction: z.enum(surveyLowScoreActions),
      expiryHours: z.number(),
    })
    .optional(),
});

export const channelKindJson = z.enum(channelKinds);
