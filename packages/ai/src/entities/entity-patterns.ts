import type { EntityKind } from '@ascolta/core';
import { isCodiceFiscaleValid } from './is-codice-fiscale-valid.ts';
import { isIbanValid } from './is-iban-valid.ts';
import { isLuhnValid } from './is-luhn-valid.ts';
import { parseAmount } from './parse-amount.ts';
import { mayHaveMonthName, parseDate } from './parse-date.ts';

/** One way of finding an entity: a pattern, and a normaliser that rejects false matches by returning null. */
export interface EntityPattern {
  kind: EntityKind;
  pattern: RegExp;
  /** The capture group holding the entity; 0 for the whole match. */
  group: number;
  normalise(text: string): string | null;
  /** A cheap test the text must pass for the pattern to have a chance; skips the pattern otherwise. */
  mayMatch?(text: string): boolean;
}

const digitsOf = (text: string): string => text.replace(/\D/g, '');

const normalisePhone = (text: string): string | null => {
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(text)) return null;
  const international = /^(\+|00)/.test(text.trim());
  let digits = digitsOf(text);
  if (text.trim().startsWith('00')) digits = digits.slice(2);
  if (international) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  // Without a prefix only Italian shapes count: mobile 3xx (10 digits) or landline 0x (6–11 digits).
  if (/^3\d{9}$/.test(digits) || /^0\d{5,10}$/.test(digits)) return `+39${digits}`;
  return null;
};

const orderWords = 'order|ordine|ordinazione|pedido|commande|bestellung|encomenda|acquisto|purchase';
const trackingWords =
  'tracking|tracciamento|spedizione|shipment|parcel|pacco|waybill|lettera di vettura|ldv|seguimiento|suivi|sendungsnummer|rastreio';
const numberWords = '(?:number|numero|num\\.?|nr\\.?|no\\.?|n\\.?|n°|nº|#|id|code|codice|code de|nummer|número)';
const keyed = (words: string) =>
  new RegExp(
    `\\b(?:${words})\\s*(?:${numberWords}\\s*)?(?:(?:is|è|e|:)\\s*)?#?\\s*([A-Z0-9][A-Z0-9-]{3,24})\\b`,
    'giu',
  );

const hasDigit = (text: string): string | null => (/\d/.test(text) ? text.toUpperCase() : null);

/** In priority order: where two matches overlap, the earlier pattern wins. */
export const entityPatterns: readonly EntityPattern[] = [
  {
    kind: 'email',
    pattern: /\b[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g,
    group: 0,
    normalise: (text) => text.toLowerCase(),
  },
  {
    kind: 'iban',
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g,
    group: 0,
    normalise: (text) => {
      const compact = text.replace(/ /g, '').toUpperCase();
      return isIbanValid(compact) ? compact : null;
    },
  },
  {
    kind: 'card-number',
    pattern: /(?<![\d-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\d-])/g,
    group: 0,
    normalise: (text) => {
      const digits = digitsOf(text);
      return digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits) ? digits : null;
    },
  },
  {
    kind: 'codice-fiscale',
    pattern: /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/gi,
    group: 0,
    normalise: (text) => (isCodiceFiscaleValid(text) ? text.toUpperCase() : null),
  },
  {
    kind: 'tracking-number',
    // UPS, UPU S10 (Poste, Royal Mail, …), then any code named as a tracking number.
    pattern: /\b(1Z[0-9A-Z]{16}|[A-Z]{2}\d{9}[A-Z]{2})\b/gi,
    group: 1,
    normalise: (text) => text.toUpperCase(),
  },
  { kind: 'tracking-number', pattern: keyed(trackingWords), group: 1, normalise: hasDigit },
  { kind: 'order-number', pattern: keyed(orderWords), group: 1, normalise: hasDigit },
  { kind: 'order-number', pattern: /\b((?:ORD|ORDER|ODL|PO)-?\d{4,})\b/gi, group: 1, normalise: hasDigit },
  {
    kind: 'phone',
    pattern: /(?<![\w+])(?:(?:\+|00)\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,4}){1,3}(?![\w])/g,
    group: 0,
    normalise: normalisePhone,
  },
  {
    kind: 'amount',
    pattern:
      /(?:[€$£]|\b(?:EUR|USD|GBP))\s?\d{1,3}(?:[.,'\u00a0 ]\d{3})*(?:[.,]\d{1,2})?|\b\d{1,3}(?:[.,'\u00a0 ]?\d{3})*(?:[.,]\d{1,2})?\s?(?:[€$£]|(?:euro|eur|usd|dollars?|gbp|pounds?|sterline)\b)/gi,
    group: 0,
    normalise: parseAmount,
  },
  {
    kind: 'date',
    pattern: /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g,
    group: 0,
    normalise: parseDate,
  },
  {
    kind: 'date',
    pattern: /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?\p{L}{3,10}\.?(?:\s+\d{4})?\b/giu,
    group: 0,
    normalise: parseDate,
    mayMatch: mayHaveMonthName,
  },
  {
    kind: 'date',
    pattern: /\b\p{L}{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b/giu,
    group: 0,
    normalise: parseDate,
    mayMatch: mayHaveMonthName,
  },
];
