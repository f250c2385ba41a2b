import { describe, expect, it } from 'vitest';
import { parseBusinessHoursForm, parseTemplateForm } from './catalog-validation.ts';

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
