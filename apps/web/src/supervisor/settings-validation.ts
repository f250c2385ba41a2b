import type { PrioritySettingsDto, SlaPolicyDto } from '@ascolta/contracts';
import type { MessageKey } from '../i18n/messages-en.ts';

/** A field of a form as the number input holds it: a number, or the text typed so far. */
export type FieldValue = number | string;
/** Field path (`weights.severity`, `targets.high.resolutionMinutes`) → what is wrong with it. */
export type FieldErrors = Record<string, MessageKey>;

export const weightNames = [
  'severity',
  'sentiment',
  'urgency',
  'customerValue',
  'influence',
  'repeatContacts',
  'crossChannel',
  'slaTimeLeft',
] as const satisfies readonly (keyof PrioritySettingsDto['weights'])[];
export const bandThresholdNames = ['normal', 'high', 'urgent'] as const;
export const slaBands = ['low', 'normal', 'high', 'urgent'] as const;
export const targetNames = ['firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'] as const;

const maxTargetMinutes = 60 * 24 * 90;
const asNumber = (value: FieldValue): number | null =>
  typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);

export interface PriorityFormValues {
  weights: Record<(typeof weightNames)[number], FieldValue>;
  bands: Record<(typeof bandThresholdNames)[number], FieldValue>;
}

/** The same rules as the server's `prioritySettingsDto`: the parsed settings, or a message per wrong field. */
export const parsePriorityForm = (
  form: PriorityFormValues,
): { settings: PrioritySettingsDto } | { errors: FieldErrors } => {
  const errors: FieldErrors = {};
  const weights = {} as Record<(typeof weightNames)[number], number>;
  for (const name of weightNames) {
    const value = asNumber(form.weights[name]);
    if (value === null || !Number.isFinite(value) || value < 0 || value > 100)
      errors[`weights.${name}`] = 'supervisor.weightRange';
    else weights[name] = value;
  }
  const bands = {} as Record<(typeof bandThresholdNames)[number], number>;
  for (const name of bandThresholdNames) {
    const value = asNumber(form.bands[name]);
    if (value === null || !Number.isFinite(value) || value < 0) errors[`bands.${name}`] = 'supervisor.bandNumber';
    else bands[name] = value;
  }
  if (Object.keys(errors).length === 0 && !(bands.normal < bands.high && bands.high < bands.urgent)) {
    errors['bands.high'] = 'supervisor.bandsRise';
  }
  return Object.keys(errors).length > 0 ? { errors } : { settings: { weights, bands } };
};

export type TargetsForm = Record<(typeof slaBands)[number], Record<(typeof targetNames)[number], FieldValue>>;

export const parseTargetsForm = (form: TargetsForm): { targets: SlaPolicyDto['targets'] } | { errors: FieldErrors } => {
  const errors: FieldErrors = {};
  const targets = {} as SlaPolicyDto['targets'];
  for (const band of slaBands) {
    const row = {} as SlaPolicyDto['targets'][typeof band];
    for (const name of targetNames) {
      const value = asNumber(form[band][name]);
      if (value === null || !Number.isInteger(value) || value < 1 || value > maxTargetMinutes)
        errors[`targets.${band}.${name}`] = 'supervisor.minutesRange';
      else row[name] = value;
    }
    targets[band] = row;
  }
  return Object.keys(errors).length > 0 ? { errors } : { targets };
};
