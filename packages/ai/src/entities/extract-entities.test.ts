import { describe, expect, it } from 'vitest';
import { extractEntities, findPii } from './extract-entities.ts';

const kindsAndValues = (text: string) => extractEntities(text).map((entity) => [entity.kind, entity.value]);

describe('extractEntities', () => {
  it('finds Italian order numbers, mobile phones, e-mails, amounts and dates with canonical values', () => {
    expect(
      kindsAndValues(
        'Ordine n. 40012345 pagato € 1.234,50 il 12/03/2024, scrivete a Mario.Rossi@gmail.com o al 333 123 4567',
      ),
    ).toEqual([
      ['order-number', '40012345'],
      ['amount', '123450 EUR'],
      ['date', '2024-03-12'],
      ['email', 'mario.rossi@gmail.com'],
      ['phone', '+393331234567'],
    ]);
  });

  it('finds English tracking numbers, international phones, dollar amounts and written dates', () => {
    expect(
      kindsAndValues('Tracking 1Z999AA10123456784, charged $49.99 on March 3, 2024, call +44 7700 900123'),
    ).toEqual([
      ['tracking-number', '1Z999AA10123456784'],
      ['amount', '4999 USD'],
      ['date', '2024-03-03'],
      ['phone', '+447700900123'],
    ]);
  });

  it('keeps IBANs, tax codes and cards only when their check digits are right', () => {
    expect(
      kindsAndValues('IBAN IT60 X054 2811 1010 0000 0123 456 e CF RSSMRA85T10A562S, carta 4111 1111 1111 1111'),
    ).toEqual([
      ['iban', 'IT60X0542811101000000123456'],
      ['codice-fiscale', 'RSSMRA85T10A562S'],
      ['card-number', '4111111111111111'],
    ]);
    expect(
      kindsAndValues('IBAN IT61 X054 2811 1010 0000 0123 456, CF RSSMRA85T10A562T, carta 4111 1111 1111 1112'),
    ).toEqual([]);
  });

  it('does not read times, counts or versions as entities', () => {
    expect(extractEntities('Alle 10.30 avevo 3 sim e la versione 2.3.1 non va, ho 2 linee')).toEqual([]);
  });

  it('gives spans that cut exactly the matched text, for redaction', () => {
    const text = 'write to jane.doe@example.co.uk now';
    const [pii] = findPii(extractEntities(text));
    expect(pii).toEqual({ kind: 'email', start: 9, end: 31 });
    expect(text.slice(pii?.start, pii?.end)).toBe('jane.doe@example.co.uk');
  });

  it('flags only personal data as PII, not order numbers or amounts', () => {
    const kinds = findPii(extractEntities('Order 55667788 for £20, phone 02 8765 4321')).map((flag) => flag.kind);
    expect(kinds).toEqual(['phone']);
  });
});
