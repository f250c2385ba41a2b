import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DomainError } from '@ascolta/core';
import { decodeLanguageTable, findNgram, hashBytesA, hashBytesB, type LanguageTable } from './language-table.ts';

export const supportedLanguages = ['it', 'en', 'es', 'fr', 'de', 'pt'] as const;

export interface DetectedLanguage {
  language: string;
  confidence: number;
}

export const languageTablePath = fileURLToPath(new URL('../../models/language.model', import.meta.url));

const loadedTables = new Map<string, LanguageTable>();

/** A language table file (by default the committed `packages/ai/models/language.model`), read once per process. */
export const loadLanguageTable = (path: string = languageTablePath): LanguageTable => {
  const loaded = loadedTables.get(path);
  if (loaded !== undefined) return loaded;
  if (!existsSync(path))
    throw new DomainError('not-found', `no language table at ${path}: run \`npm run train:models\``);
  const table = decodeLanguageTable(new Uint8Array(readFileSync(path)));
  loadedTables.set(path, table);
  return table;
};

// Short function words and chat spellings that one language uses and its neighbours do not: eld's
// n-grams see too little of a ten-word post to tell pt from es or it, and these settle it.
const markerWords: ReadonlyMap<string, string> = new Map(
  Object.entries({
    it: 'gli della degli nel sono che perché anche ancora questo questa ciao grazie ho hai abbiamo già più mio vostro vostra',
    en: "the and is are you your my was were have has not with this that what why please thanks it's i'm don't",
    es: 'el los las pero muy porque gracias hola estoy yo tengo qué también ahora nunca',
    fr: "les des est pas je vous mon avec pour très merci bonjour c'est j'ai une sur",
    de: 'der die das und ist nicht ich ein eine mit auf für bitte danke mein dein sie wir auch noch',
    pt: 'não você vocês eu meu minha tá tô pra pro hj vc obrigado obrigada muito também ele ela isso uma kk é depois quem hoje ainda só nossa nosso',
  }).flatMap(([language, words]) => words.split(' ').map((word) => [word, language] as const)),
);

// Laughter is spelt differently in each language: "jajaja" in Spanish ("kkkk" in Portuguese: `cleanPost`).
const spanishLaughter = /^(?:ja){2,}j?$/;

const markerWeight = 0.12;

// The accented letters each language writes: a post with "ç" is not Spanish, one with "ñ" not Portuguese.
const accentedLetters: Readonly<Record<string, string>> = {
  it: 'àèéìíòóù',
  en: '',
  es: 'áéíóúüñ',
  fr: 'àâæçéèêëîïôœùûüÿ',
  de: 'äöüß',
  pt: 'áâãàéêíóôõúç',
};
const foreignLetterWeight = 0.06;
const accented = /[\u00c0-\u017f]/u;
const hintWeight = 0.25;

// Hashtags are often brand or show names (#MasterChefBR) that mislead a short text; they count only
// when the post has little else to read.
const cleanPost = (text: string): string => {
  const base = text
    .replace(/https?:\/\/\S+|www\.\S+|\bhttp\b/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/\d+/g, ' ')
    // Brazilian laughter ("kkkkk") as one marker word before the next step would shorten it.
    .replace(/\b[kK]{3,}\b/g, 'kk')
    // "agoniiiiia", "nervosuuu": a letter held for emphasis is not an n-gram of any language.
    .replace(/(\p{L})\1{2,}/gu, '$1');
  if (!base.includes('#')) return base;
  const withoutTags = base.replace(/#\w+/g, ' ');
  return withoutTags.replace(/[^\p{L}]+/gu, '').length >= 12 ? withoutTags : base.replace(/#/g, ' ');
};

// eld's word separators: anything but a (BMP) letter, except a run that ends in an apostrophe.
const separators = /(?:[^\p{L}]|[\u{10000}-\u{10FFFF}])+(?<![\x27\x60\u2019])/gu;

// eld reads at most 1000 characters, and cuts at the first space after 350 bytes (at any byte after 380).
const maxCharacters = 1000;
const cutAfter = 350;
const enforceCutAfter = 380;
// eld's n-grams: 4 bytes with a stride of 3, over at most the first 70 bytes of a word.
const maxWordBytes = 70;
const probabilityScale = 25;

/**
 * Language of a short post among the supported ones: eld's scoring (byte 4-grams of each word,
 * `language-table.ts`) over its database restricted to the six languages, nudged by marker words and
 * by the platform's hint. `und` when there is nothing to read.
 */
export const createLanguageDetector = (
  languages: readonly string[] = supportedLanguages,
  table: LanguageTable = loadLanguageTable(),
) => {
  const tableLanguages = table.languages;
  const count = tableLanguages.length;
  const enabled = tableLanguages.map((language) => languages.includes(language));
  const indexOf = new Map(tableLanguages.map((language, l) => [language, l] as const));
  let bytes = new Uint8Array(4096);
  let wordEnds = new Int32Array(512);
  const sums = new Float64Array(count);
  const scores = new Float64Array(count);
  const present = new Uint8Array(count);
  let seenA = new Uint32Array(1024);
  let seenB = new Uint32Array(1024);

  /** UTF-8 bytes of the processed text, words separated; eld's `strToUtf8Bytes`. */
  const encodeWords = (text: string): number => {
    if (bytes.length < text.length * 4 + 8) bytes = new Uint8Array(text.length * 4 + 8);
    if (wordEnds.length < text.length + 1) wordEnds = new Int32Array(text.length + 1);
    let size = 0;
    let words = 0;
    let wordStart = 0;
    // eld counts the spaces in its byte budget, though they are not stored.
    let spaces = 0;
    for (let i = 0; i < text.length; i += 1) {
      let code = text.charCodeAt(i);
      if (code === 32) {
        if (size > wordStart) wordEnds[words++] = size;
        wordStart = size;
        if (size + spaces > cutAfter) break;
        spaces += 1;
        if (size + spaces > enforceCutAfter) break;
        continue;
      }
      if (code < 0x80) bytes[size++] = code;
      else if (code < 0x800) {
        bytes[size++] = 0xc0 | (code >> 6);
        bytes[size++] = 0x80 | (code & 0x3f);
      } else if (code < 0xd800 || code >= 0xe000) {
        bytes[size++] = 0xe0 | (code >> 12);
        bytes[size++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[size++] = 0x80 | (code & 0x3f);
      } else {
        i += 1;
        code = 0x10000 + (((code & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
        bytes[size++] = 0xf0 | (code >> 18);
        bytes[size++] = 0x80 | ((code >> 12) & 0x3f);
        bytes[size++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[size++] = 0x80 | (code & 0x3f);
      }
      if (size + spaces > enforceCutAfter) break;
    }
    if (size > wordStart) wordEnds[words++] = size;
    return words;
  };

  let distinct = 0;
  /** Scores one n-gram once per post, as eld does (its n-grams are a set). */
  const addNgram = (start: number, end: number, lead: boolean, trail: boolean): void => {
    const a = hashBytesA(bytes, start, end, lead, trail);
    const b = hashBytesB(bytes, start, end, lead, trail);
    for (let i = 0; i < distinct; i += 1) if (seenA[i] === a && seenB[i] === b) return;
    if (distinct === seenA.length) {
      const biggerA = new Uint32Array(distinct * 2);
      const biggerB = new Uint32Array(distinct * 2);
      biggerA.set(seenA);
      biggerB.set(seenB);
      seenA = biggerA;
      seenB = biggerB;
    }
    seenA[distinct] = a;
    seenB[distinct] = b;
    distinct += 1;
    const at = findNgram(table, a, b);
    if (at < 0) return;
    for (let l = 0; l < count; l += 1) {
      const score = table.bytes[at + l] as number;
      if (score > 0) sums[l] = (sums[l] as number) + score;
    }
  };

  return (text: string, hint?: string): DetectedLanguage => {
    const processed = cleanPost(text.substring(0, maxCharacters)).replace(separators, ' ').trim().toLowerCase();
    const words = encodeWords(processed);
    sums.fill(0);
    distinct = 0;
    let wordStart = 0;
    for (let w = 0; w < words; w += 1) {
      const wordEnd = wordEnds[w] as number;
      const length = Math.min(wordEnd - wordStart, maxWordBytes);
      let j = 0;
      for (; j + 4 < length; j += 3) addNgram(wordStart + j, wordStart + j + 4, j === 0, false);
      addNgram(wordStart + (length !== 3 ? Math.max(0, length - 4) : 0), wordEnd, j === 0, true);
      wordStart = wordEnd;
    }
    for (let l = 0; l < count; l += 1) {
      const sum = sums[l] as number;
      const on = enabled[l] === true && sum > 0;
      present[l] = on ? 1 : 0;
      // eld's 0..1 score: the mean n-gram score, squashed.
      const mean = on ? sum / distinct : 0;
      scores[l] = on ? mean / (mean + probabilityScale) : 0;
    }
    if (words > 0) {
      for (const word of processed.split(' ')) {
        // ã and õ are written only in Portuguese among the six.
        const language =
          markerWords.get(word) ??
          (word.includes('ã') || word.includes('õ') ? 'pt' : spanishLaughter.test(word) ? 'es' : undefined);
        const l = language === undefined ? undefined : indexOf.get(language);
        if (l !== undefined && enabled[l]) {
          scores[l] = (scores[l] as number) + markerWeight;
          present[l] = 1;
        }
      }
    }
    if (accented.test(processed)) {
      const seen = new Set<string>();
      for (const letter of processed) {
        if (letter < '\u00c0' || letter > '\u017f' || seen.has(letter)) continue;
        seen.add(letter);
        for (let l = 0; l < count; l += 1) {
          const letters = accentedLetters[tableLanguages[l] as string];
          if (letters !== undefined && !letters.includes(letter))
            scores[l] = (scores[l] as number) - foreignLetterWeight;
        }
      }
    }
    const hinted = hint === undefined ? undefined : indexOf.get(hint);
    if (hinted !== undefined && enabled[hinted]) {
      scores[hinted] = (scores[hinted] as number) + hintWeight;
      present[hinted] = 1;
    }
    let best = -1;
    let second = -1;
    for (let l = 0; l < count; l += 1) {
      if (present[l] === 0) continue;
      if (best < 0 || (scores[l] as number) > (scores[best] as number)) {
        second = best;
        best = l;
      } else if (second < 0 || (scores[l] as number) > (scores[second] as number)) second = l;
    }
    if (best < 0) return { language: hint ?? 'und', confidence: 0 };
    // The margin over the runner-up, squashed to 0..1: eld's raw scores are not probabilities.
    const margin = (scores[best] as number) - (second < 0 ? 0 : (scores[second] as number));
    return {
      language: tableLanguages[best] as string,
      confidence: Number((1 - Math.exp(-6 * margin - 0.3)).toFixed(3)),
    };
  };
};
