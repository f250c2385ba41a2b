import type { CareLanguage } from '../info-request/care-texts.ts';
import type { SurveyKind } from './survey.ts';

export interface SurveyTexts {
  question: Record<SurveyKind, string>;
  /** Added under the question when the channel has no buttons: `{{link}}`. */
  linkLine: string;
  /** The one clarifying question after an answer without a readable score: `{{min}}`, `{{max}}`. */
  reask: string;
  thanks: string;
  /** After a low score: someone will look at it (reopen or alert). */
  thanksLowScore: string;
  /** The button that opens a WhatsApp list of options; at most 20 characters. */
  menuLabel: string;
  /** CSAT option titles from 1 to 5; at most 20 characters each. */
  csatLabels: readonly [string, string, string, string, string];
}

/** The survey's words per language; `{{ticket}}` is the ticket number. */
export const surveyTexts: Record<CareLanguage, SurveyTexts> = {
  it: {
    question: {
      csat: 'Com’è andata con la tua richiesta n. {{ticket}}? Rispondi con un voto da 1 (pessimo) a 5 (ottimo) e, se vuoi, un commento.',
      nps: 'Da 0 a 10, quanto ci consiglieresti a un amico o a un collega? Rispondi con un numero e, se vuoi, un commento.',
    },
    linkLine: 'Puoi anche rispondere qui: {{link}}',
    reask: 'Scusa, non abbiamo capito il voto. Puoi rispondere solo con un numero da {{min}} a {{max}}?',
    thanks: 'Grazie per il tuo voto!',
    thanksLowScore:
      'Grazie per il tuo voto. Ci dispiace non essere stati all’altezza: una persona del team lo leggerà.',
    menuLabel: 'Scegli un voto',
    csatLabels: ['1 - Pessimo', '2 - Scarso', '3 - Sufficiente', '4 - Buono', '5 - Ottimo'],
  },
  en: {
    question: {
      csat: 'How did we do with your request #{{ticket}}? Reply with a score from 1 (very poor) to 5 (excellent) and, if you like, a comment.',
      nps: 'From 0 to 10, how likely are you to recommend us to a friend or colleague? Reply with a number and, if you like, a comment.',
    },
    linkLine: 'You can also answer here: {{link}}',
    reask: 'Sorry, we could not read a score. Could you reply with just a number from {{min}} to {{max}}?',
    thanks: 'Thank you for your feedback!',
    thanksLowScore: 'Thank you for your feedback. We are sorry we fell short: someone from the team will read it.',
    menuLabel: 'Choose a score',
    csatLabels: ['1 - Very poor', '2 - Poor', '3 - OK', '4 - Good', '5 - Excellent'],
  },
};

/** The survey speaks Italian to Italian speakers and English to everyone else. */
export const surveyLanguage = (language: string | null): CareLanguage => (language === 'it' ? 'it' : 'en');

export const fillSurveyText = (text: string, values: Readonly<Record<string, string | number>>): string =>
  text.replace(/\{\{(\w+)\}\}/gu, (whole, key: string) => (key in values ? String(values[key]) : whole));
