import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './messages-en.ts';
import { initialLanguage, tables, translate } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('translation tables', () => {
  it('translates every key into Italian with the same placeholders', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(tables.it[key].trim(), key).not.toBe('');
      expect(placeholders(tables.it[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and picks the remembered language first', () => {
    expect(translate('it', 'inbox.count', { count: 3 })).toBe('3 ticket');
    expect(initialLanguage('it', ['en-US'])).toBe('it');
    expect(initialLanguage(null, ['it-IT', 'en'])).toBe('it');
    expect(initialLanguage('fr', ['de-DE'])).toBe('en');
  });
});
