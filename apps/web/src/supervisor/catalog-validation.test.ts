import { describe, expect, it } from 'vitest';
import {
  businessHoursToForm,
  infoRequestToForm,
  parseBusinessHoursForm,
  parseInfoRequestForm,
  parseTeamForm,
  parseTemplateForm,
  templateToForm,
} from './catalog-validation.ts';

describe('template and auto-answer form', () => {
  const form = {
    kind: 'answer' as const,
    name: ' Orari ',
    category: '',
    language: 'it',
    body: 'Siamo aperti 9–18.',
    autoAnswerPercent: 85,
  };

  it('turns the percentage into the API threshold, only for auto-answers', () => {
    expect(parseTemplateForm(form)).toEqual({
      template: {
        kind: 'answer',
        name: 'Orari',
        category: null,
        language: 'it',
        body: 'Siamo aperti 9–18.',
        autoAnswerThreshold: 0.85,
      },
    });
    expect(parseTemplateForm({ ...form, kind: 'template', autoAnswerPercent: '' })).toMatchObject({
      template: { autoAnswerThreshold: null },
    });
  });

  it('names each missing or wrong field', () => {
    expect(parseTemplateForm({ ...form, name: ' ', body: '', autoAnswerPercent: 120, language: 'ita' })).toEqual({
      errors: {
        name: 'settings.nameNeeded',
        language: 'supervisor.agent.languageCode',
        body: 'settings.bodyNeeded',
        autoAnswerPercent: 'settings.thresholdRange',
      },
    });
  });
});

describe('business hours form', () => {
  const closed = { isOpen: false, start: '09:00', end: '18:00' };
  const open = { isOpen: true, start: '09:00', end: '18:00' };

  it('sends the open days as minute intervals, Sunday being day 0', () => {
    expect(
      parseBusinessHoursForm({
        name: 'Ufficio',
        timeZone: 'Europe/Rome',
        days: [closed, open, closed, closed, closed, closed, closed],
      }),
    ).toEqual({
      hours: { name: 'Ufficio', timeZone: 'Europe/Rome', intervals: [{ day: 1, startMinute: 540, endMinute: 1080 }] },
    });
  });

  it('refuses a day that ends before it starts', () => {
    const days = [closed, { isOpen: true, start: '18:00', end: '09:00' }, closed, closed, closed, closed, closed];
    expect(parseBusinessHoursForm({ name: 'Ufficio', timeZone: 'Europe/Rome', days })).toEqual({
      errors: { 'days.1': 'settings.startBeforeEnd' },
    });
  });
});

describe('info request form', () => {
  const field = {
    name: 'orderNumber',
    entity: 'order-number',
    labelIt: 'numero d’ordine',
    labelEn: '',
    isRequired: true,
  };
  const form = {
    category: 'delivery',
    fields: [field],
    promptIt: 'Ci serve {fields}.',
    promptEn: '',
    reminderAfterMinutes: 240,
  };

  it('keeps only the languages written', () => {
    expect(parseInfoRequestForm(form)).toEqual({
      request: {
        category: 'delivery',
        fields: [{ name: 'orderNumber', entity: 'order-number', label: { it: 'numero d’ordine' }, isRequired: true }],
        prompt: { it: 'Ci serve {fields}.' },
        reminderAfterMinutes: 240,
      },
    });
  });

  it('names each wrong field', () => {
    const wrong = { ...field, name: '2nd order', labelIt: '' };
    expect(
      parseInfoRequestForm({ ...form, category: '', fields: [wrong], promptIt: '', reminderAfterMinutes: 1 }),
    ).toEqual({
      errors: {
        category: 'settings.categoryNeeded',
        'fields.0.name': 'settings.fieldName',
        'fields.0.label': 'settings.labelNeeded',
        prompt: 'settings.promptNeeded',
        reminderAfterMinutes: 'settings.reminderRange',
      },
    });
  });
});

describe('editing a stored record in the forms', () => {
  it('shows a template as the form holds it, and saves it back unchanged', () => {
    const answer = {
      kind: 'answer' as const,
      name: 'Tracking',
      category: 'delivery',
      language: 'it',
      body: 'Segui il pacco qui.',
      autoAnswerThreshold: 0.85,
    };
    expect(templateToForm(answer)).toMatchObject({ category: 'delivery', autoAnswerPercent: 85 });
    expect(parseTemplateForm(templateToForm(answer))).toEqual({ template: answer });
    const macro = { ...answer, kind: 'macro' as const, category: null, autoAnswerThreshold: null };
    expect(parseTemplateForm(templateToForm(macro))).toEqual({ template: macro });
  });

  it('shows a calendar day by day, and refuses one with two openings on a day rather than drop one', () => {
    const closed = { isOpen: false, start: '09:00', end: '13:00' };
    const hours = {
      name: 'Office',
      timeZone: 'Europe/Rome',
      intervals: [
        { day: 1, startMinute: 480, endMinute: 1200 },
        { day: 6, startMinute: 540, endMinute: 780 },
      ],
    };
    const form = businessHoursToForm(hours, closed);
    expect(form?.days[1]).toEqual({ isOpen: true, start: '08:00', end: '20:00' });
    expect(form?.days[0]).toEqual(closed);
    expect(form === null ? null : parseBusinessHoursForm(form)).toEqual({ hours });
    const lunchBreak = { ...hours, intervals: [...hours.intervals, { day: 1, startMinute: 1260, endMinute: 1320 }] };
    expect(businessHoursToForm(lunchBreak, closed)).toBeNull();
  });

  it('shows an info request in Italian and English, and saves it back unchanged', () => {
    const request = {
      category: 'delivery',
      fields: [
        { name: 'orderNumber', entity: 'order-number', label: { it: 'numero', en: 'number' }, isRequired: true },
      ],
      prompt: { it: 'Il numero?' },
      reminderAfterMinutes: 60,
    };
    expect(infoRequestToForm(request)).toMatchObject({ promptIt: 'Il numero?', promptEn: '' });
    expect(parseInfoRequestForm(infoRequestToForm(request))).toEqual({ request });
  });
});

describe('team form', () => {
  it('checks the name, categories and language codes as teamBody does', () => {
    const form = {
      name: ' Billing ',
      categories: ['billing', 'billing'],
      languages: ['IT', 'en'],
      businessHoursId: null,
    };
    expect(parseTeamForm(form)).toEqual({
      team: { name: 'Billing', categories: ['billing'], languages: ['it', 'en'], businessHoursId: null },
    });
    expect(parseTeamForm({ ...form, name: '', categories: [' '], languages: ['ita'] })).toEqual({
      errors: {
        name: 'settings.teamNameNeeded',
        categories: 'settings.categoryName',
        languages: 'supervisor.agent.languageCode',
      },
    });
  });
});
