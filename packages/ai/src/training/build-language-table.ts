import { DomainError } from '@ascolta/core';
import { buildLanguageTable, type LanguageTable, type NgramEntry } from '../language/language-table.ts';

interface EldNgrams {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

// eld subtracts this from every stored score to keep its database small, and adds it back when scoring.
const eldBaseScore = 53;

/**
 * Our language table from eld's own n-gram database (Apache-2.0), kept to `languages`. eld writes
 * each byte of an n-gram as one character of its `dictionary`; we store the bytes themselves.
 */
export const buildLanguageTableFromEld = async (
  languages: readonly string[],
  database: 'small' | 'medium' | 'large' = 'large',
): Promise<LanguageTable> => {
  const entry = import.meta.resolve('eld/small');
  const { ngramsData } = (await import(new URL(`../ngrams/${database}.js`, entry).href)) as { ngramsData: EldNgrams };
  const { dictionary } = (await import(new URL('../dictionary.js', entry).href)) as { dictionary: string[] };
  const byteOf = new Map<string, number>([[' ', 32]]);
  dictionary.forEach((char, byte) => {
    if (char !== ' ' && !byteOf.has(char)) byteOf.set(char, byte);
  });
  const ids = languages.map((language) => {
    const id = Object.keys(ngramsData.languages).find((key) => ngramsData.languages[key] === language);
    if (id === undefined) throw new DomainError('invalid-input', `eld has no language '${language}'`);
    return id;
  });
  const entries: NgramEntry[] = [];
  for (const [key, perLanguage] of Object.entries(ngramsData.ngrams)) {
    const scores = ids.map((id) => (perLanguage[id] === undefined ? 0 : (perLanguage[id] as number) + eldBaseScore));
    if (scores.every((score) => score === 0)) continue;
    if (scores.some((score) => score > 255)) throw new Error(`eld score out of range for '${key}'`);
    const bytes = Uint8Array.from(key, (char) => {
      const byte = byteOf.get(char);
      if (byte === undefined) throw new Error(`eld n-gram '${key}' has a character outside its dictionary`);
      return byte;
    });
    entries.push({ bytes, scores });
  }
  return buildLanguageTable(languages, ngramsData.type, entries);
};
