import type { FieldErrors } from './settings-validation.ts';

export interface TemplateFormValues {
  kind: 'template' | 'macro' | 'answer';
  name: string;
  category: string;
  language: string;
  body: string;
  /** Only for auto-answers: the triage confidence (0–100%) above which the bot sends it alone. */
  autoAnswerPercent: number | string;
}

export interface TemplatePayload {
  kind: TemplateFormValues['kind'];
  name: string;
  category: string | null;
  language: string;
  body: string;
  autoAnswerThreshold: number | null;
}

/** The rules of `templateBody`, with one message per field. */
export const parseTemplateForm = (
  form: TemplateFormValues,
): { template: TemplatePayload } | { errors: FieldErrors } => {
  const errors: FieldErrors = {};
  if (form.name.trim() === '' || form.name.trim().length > 200) errors.name = 'settings.nameNeeded';
  if (!/^[a-z]{2}$/.test(form.language)) errors.language = 'supervisor.agent.languageCode';
  if (form.body.trim() === '' || form.body.length > 8000) errors.body = 'settings.bodyNeeded';
  const percent = Number(form.autoAnswerPercent);
  const isAnswer = form.kind === 'answer';
  if (isAnswer && (String(form.autoAnswerPercent).trim() === '' || !(percent >= 0 && percent <= 100))) {
    errors.autoAnswerPercent = 'settings.thresholdRange';
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    template: {
      kind: form.kind,
      name: form.name.trim(),
      category: form.category.trim() === '' ? null : form.category.trim(),
      language: form.language,
      body: form.body.trim(),
      autoAnswerThreshold: isAnswer ? percent / 100 : null,
    },
  };
};

export interface OpeningHoursDay {
  isOpen: boolean;
  /** "HH:MM", local to the time zone. */
  start: string;
  end: string;
}

export interface BusinessHoursFormValues {
  name: string;
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday, as the API counts days. */
  days: readonly OpeningHoursDay[];
}

const minuteOf = (time: string): number | null => {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (match === null) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[1]) <= 24 && Number(match[2]) < 60 && minutes <= 1440 ? minutes : null;
};

/** The rules of `businessHoursBody`: a name, a zone, and each open day starting before it ends. */
export const parseBusinessHoursForm = (
  form: BusinessHoursFormValues,
):
  | { hours: { name: string; timeZone: string; intervals: { day: number; startMinute: number; endMinute: number }[] } }
  | { errors: FieldErrors } => {
  const errors: FieldErrors = {};
  if (form.name.trim() === '') errors.name = 'settings.nameNeeded';
  if (form.timeZone === '') errors.timeZone = 'settings.zoneNeeded';
  const intervals: { day: number; startMinute: number; endMinute: number }[] = [];
  form.days.forEach((day, index) => {
    if (!day.isOpen) return;
    const startMinute = minuteOf(day.start);
    const endMinute = minuteOf(day.end);
    if (startMinute === null || endMinute === null || startMinute >= endMinute) {
      errors[`days.${index}`] = 'settings.startBeforeEnd';
    } else intervals.push({ day: index, startMinute, endMinute });
  });
  if (Object.keys(errors).length > 0) return { errors };
  return { hours: { name: form.name.trim(), timeZone: form.timeZone, intervals } };
};

export interface InfoFieldValues {
  name: string;
  entity: string;
  labelIt: string;
  labelEn: string;
  isRequired: boolean;
}

export interface InfoRequestFormValues {
  category: string;
  fields: readonly InfoFieldValues[];
  promptIt: string;
  promptEn: string;
  reminderAfterMinutes: number | string;
}

const perLanguage = (it: string, en: string): Record<string, string> =>
  Object.fromEntries(
    [
      ['it', it.trim()],
      ['en', en.trim()],
    ].filter(([, text]) => text !== ''),
  );

export interface InfoRequestPayload {
  category: string;
  fields: { name: string; entity: string; label: Record<string, string>; isRequired: boolean }[];
  prompt: Record<string, string>;
  reminderAfterMinutes: number;
}

/** The rules of `infoRequestBody`: a category, 1–20 named fields with a label, a prompt, a 5 min–14 day reminder. */
export const parseInfoRequestForm = (
  form: InfoRequestFormValues,
): { request: InfoRequestPayload } | { errors: FieldErrors } => {
  const errors: FieldErrors = {};
  if (form.category.trim() === '') errors.category = 'settings.categoryNeeded';
  if (form.fields.length === 0) errors.fields = 'settings.fieldNeeded';
  form.fields.forEach((field, index) => {
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(field.name)) errors[`fields.${index}.name`] = 'settings.fieldName';
    if (field.labelIt.trim() === '' && field.labelEn.trim() === '')
      errors[`fields.${index}.label`] = 'settings.labelNeeded';
  });
  if (form.promptIt.trim() === '' && form.promptEn.trim() === '') errors.prompt = 'settings.promptNeeded';
  const reminder = Number(form.reminderAfterMinutes);
  if (!Number.isInteger(reminder) || reminder < 5 || reminder > 60 * 24 * 14)
    errors.reminderAfterMinutes = 'settings.reminderRange';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    request: {
      category: form.category.trim(),
      fields: form.fields.map((field) => ({
        name: field.name,
        entity: field.entity,
        label: perLanguage(field.labelIt, field.labelEn),
        isRequired: field.isRequired,
      })),
      prompt: perLanguage(form.promptIt, form.promptEn),
      reminderAfterMinutes: reminder,
    },
  };
};

/** A stored template as the form shows it, to edit it. */
export const templateToForm = (template: TemplatePayload): TemplateFormValues => ({
  kind: template.kind,
  name: template.name,
  category: template.category ?? '',
  language: template.language,
  body: template.body,
  autoAnswerPercent: template.autoAnswerThreshold === null ? 90 : Math.round(template.autoAnswerThreshold * 100),
});

const timeOf = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * A stored calendar as the weekly form shows it, or null when the form cannot hold it (two openings on one day,
 * such as a lunch break): saving it from the form would silently drop one.
 */
export const businessHoursToForm = (
  hours: {
    name: string;
    timeZone: string;
    intervals: readonly { day: number; startMinute: number; endMinute: number }[];
  },
  closedDay: OpeningHoursDay,
): BusinessHoursFormValues | null => {
  const days: OpeningHoursDay[] = Array.from({ length: 7 }, () => ({ ...closedDay, isOpen: false }));
  for (const interval of hours.intervals) {
    if (days[interval.day]?.isOpen !== false) return null;
    days[interval.day] = { isOpen: true, start: timeOf(interval.startMinute), end: timeOf(interval.endMinute) };
  }
  return { name: hours.name, timeZone: hours.timeZone, days };
};

/** A stored info request as the form shows it (its Italian and English texts), to edit it. */
export const infoRequestToForm = (request: {
  category: string;
  fields: readonly { name: string; entity: string; label: Readonly<Record<string, string>>; isRequired: boolean }[];
  prompt: Readonly<Record<string, string>>;
  reminderAfterMinutes: number;
}): InfoRequestFormValues => ({
  category: request.category,
  fields: request.fields.map((field) => ({
    name: field.name,
    entity: field.entity,
    labelIt: field.label.it ?? '',
    labelEn: field.label.en ?? '',
    isRequired: field.isRequired,
  })),
  promptIt: request.prompt.it ?? '',
  promptEn: request.prompt.en ?? '',
  reminderAfterMinutes: request.reminderAfterMinutes,
});

export interface TeamFormValues {
  name: string;
  categories: readonly string[];
  languages: readonly string[];
  businessHoursId: string | null;
}

export interface TeamPayload {
  name: string;
  categories: string[];
  languages: string[];
  businessHoursId: string | null;
}

/** The rules of `teamBody`: a name of at most 100 characters, named categories, two-letter language codes. */
export const parseTeamForm = (form: TeamFormValues): { team: TeamPayload } | { errors: FieldErrors } => {
  const errors: FieldErrors = {};
  const name = form.name.trim();
  if (name === '' || name.length > 100) errors.name = 'settings.teamNameNeeded';
  const categories = form.categories.map((category) => category.trim());
  if (categories.some((category) => category === '' || category.length > 100))
    errors.categories = 'settings.categoryName';
  const languages = form.languages.map((code) => code.trim().toLowerCase());
  if (languages.some((code) => !/^[a-z]{2}$/.test(code))) errors.languages = 'supervisor.agent.languageCode';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    team: {
      name,
      categories: [...new Set(categories)],
      languages: [...new Set(languages)],
      businessHoursId: form.businessHoursId,
    },
  };
};
