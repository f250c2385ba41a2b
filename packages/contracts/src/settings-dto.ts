import { agentRoles, entityKinds, priorityBands } from '@ascolta/core';
import { z } from 'zod';

const weight = z.number().min(0).max(100);
const language = z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 language code such as `it`');
const perLanguage = z.record(language, z.string().trim().min(1).max(4000));
const ids = z.array(z.uuid()).max(100);
const names = z.array(z.string().trim().min(1).max(100)).max(100);

export const priorityWeightsDto = z.object({
  severity: weight,
  sentiment: weight,
  urgency: weight,
  customerValue: weight,
  influence: weight,
  repeatContacts: weight,
  crossChannel: weight,
  slaTimeLeft: weight,
});

export const prioritySettingsDto = z.object({
  weights: priorityWeightsDto,
  /** Score thresholds of the bands: `normal` < `high` < `urgent`. */
  bands: z
    .object({ normal: z.number().min(0), high: z.number().min(0), urgent: z.number().min(0) })
    .refine((bands) => bands.normal < bands.high && bands.high < bands.urgent, {
      message: 'thresholds must rise: normal < high < urgent',
      path: ['high'],
    }),
});
export type PrioritySettingsDto = z.infer<typeof prioritySettingsDto>;

const minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 90);
const slaTargets = z.object({
  firstResponseMinutes: minutes,
  nextResponseMinutes: minutes,
  resolutionMinutes: minutes,
});

export const slaPolicyBody = z.object({
  name: z.string().trim().min(1).max(100),
  businessHoursId: z.uuid().nullable().default(null),
  targets: z.object(
    Object.fromEntries(priorityBands.map((band) => [band, slaTargets])) as Record<
      (typeof priorityBands)[number],
      typeof slaTargets
    >,
  ),
  breachRiskRatio: z.number().min(0).max(1).default(0.2),
});
export const slaPolicyDto = slaPolicyBody.extend({ id: z.string() });
export type SlaPolicyDto = z.infer<typeof slaPolicyDto>;

/** 0 = Sunday … 6 = Saturday. */
const day = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);
const minuteOfDay = z.number().int().min(0).max(1440);

export const businessHoursBody = z.object({
  name: z.string().trim().min(1).max(100),
  /** An IANA time zone such as `Europe/Rome`. */
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Rome'),
  intervals: z
    .array(
      z
        .object({ day, startMinute: minuteOfDay, endMinute: minuteOfDay })
        .refine((interval) => interval.startMinute < interval.endMinute, {
          message: 'startMinute must be before endMinute',
          path: ['endMinute'],
        }),
    )
    .max(100),
  holidays: z.array(z.iso.date()).max(400).default([]),
});
export const businessHoursDto = businessHoursBody.extend({ id: z.string() });

export const agentBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(agentRoles).default('agent'),
  skills: names.default([]),
  languages: z.array(language).max(20).default([]),
  teamIds: ids.default([]),
  capacity: z.number().int().min(0).max(500).default(10),
  businessHoursId: z.uuid().nullable().default(null),
  /** Sets the sign-in password (at least 10 characters); absent: the agent cannot sign in yet. */
  password: z.string().min(10).max(1024).optional(),
});
export const agentPatchBody = agentBody.omit({ email: true }).partial();
export const agentDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(agentRoles),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  teamIds: z.array(z.string()),
  capacity: z.number().int(),
  presence: z.enum(['online', 'away', 'offline']),
  businessHoursId: z.string().nullable(),
  rating: z.number().nullable(),
  averageFirstResponseMinutes: z.number().nullable(),
});

export const teamBody = z.object({
  name: z.string().trim().min(1).max(100),
  categories: names.default([]),
  languages: z.array(language).max(20).default([]),
  businessHoursId: z.uuid().nullable().default(null),
});
export const teamDto = teamBody.extend({ id: z.string() });

/** An agent with live load: tickets held in `new`, `awaiting_customer`, `open` or `pending`. */
export const agentLoadDto = agentDto.extend({ openTickets: z.number().int().min(0) });
export type AgentLoadDto = z.infer<typeof agentLoadDto>;
/** A team with its members' summed capacity and load, and how many members are online. */
export const teamLoadDto = teamDto.extend({
  agentIds: z.array(z.string()),
  capacity: z.number().int().min(0),
  openTickets: z.number().int().min(0),
  onlineAgents: z.number().int().min(0),
});
export type TeamLoadDto = z.infer<typeof teamLoadDto>;

export const templateBody = z.object({
  kind: z.enum(['template', 'macro', 'answer']),
  name: z.string().trim().min(1).max(200),
  category: z.string().trim().min(1).max(100).nullable().default(null),
  language,
  body: z.string().trim().min(1).max(8000),
  autoAnswerThreshold: z.number().min(0).max(1).nullable().default(null),
});
export const templateDto = templateBody.extend({ id: z.string() });
export type TemplateDto = z.infer<typeof templateDto>;
export const templateListQuery = z.object({
  language: language.optional(),
  kind: z.enum(['template', 'macro', 'answer']).optional(),
});

export const infoRequestBody = z.object({
  category: z.string().trim().min(1).max(100),
  fields: z
    .array(
      z.object({
        name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a field name such as orderNumber'),
        entity: z.enum([...entityKinds, 'free-text']),
        label: perLanguage,
        isRequired: z.boolean().default(true),
      }),
    )
    .min(1)
    .max(20),
  prompt: perLanguage,
  publicAcknowledgement: perLanguage.default({}),
  reminderAfterMinutes: z
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 14)
    .default(240),
});
export const infoRequestDto = infoRequestBody.extend({ id: z.string() });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
