import { normaliseText, type SparseFeatures, tokenise } from '../features/extract-features.ts';

/** What a company model reads from a text: word n-grams and character n-grams, as separate blocks. */
export interface CompanyTextSpec {
  /** Word n-grams up to this length (1 = words only, 2 = words and pairs). */
  wordMax: number;
  charMin: number;
  charMax: number;
  /** `word`: character n-grams inside each word (padded with spaces); `text`: across the whole normalised text. */
  charScope: 'word' | 'text';
}

export const defaultCompanyTextSpec: CompanyTextSpec = { wordMax: 2, charMin: 1, charMax: 5, charScope: 'text' };

export interface CompanyTextFeatures {
  /** Full 32-bit hashes (as int32) of the word n-grams, ascending, with counts. */
  words: SparseFeatures;
  chars: SparseFeatures;
}

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;
const wordSeed = 11;
const charSeed = 13;
const separator = 0x1f;

// 32 bits are kept (no bucket folding): with a few hundred thousand n-grams, collisions are a handful.
const hashParts = (parts: readonly string[], seed: number): number => {
  let hash = fnvOffset ^ seed;
  parts.forEach((part, p) => {
    if (p > 0) hash = Math.imul(hash ^ separator, fnvPrime);
    for (let i = 0; i < part.length; i += 1) hash = Math.imul(hash ^ part.charCodeAt(i), fnvPrime);
  });
  return hash | 0;
};

const countHashes = (hashes: number[]): SparseFeatures => {
  const sorted = Int32Array.from(hashes).sort();
  const indices = new Int32Array(sorted.length);
  const counts = new Float32Array(sorted.length);
  let size = -1;
  for (const hash of sorted) {
    if (size >= 0 && indices[size] === hash) counts[size] = (counts[size] as number) + 1;
    else {
      size += 1;
      indices[size] = hash;
      counts[size] = 1;
    }
  }
  return { indices: indices.slice(0, size + 1), counts: counts.slice(0, size + 1) };
};

const wordGrams = (tokens: readonly string[], wordMax: number): number[] => {
  const hashes: number[] = [];
  const padded = ['_start_', ...tokens, '_end_'];
  for (let n = 1; n <= wordMax; n += 1) {
    // Unigrams skip the padding; longer n-grams keep it, so "first word" and "last word" count.
    const from = n === 1 ? 1 : 0;
    const to = n === 1 ? padded.length - 1 : padded.length - n + 1;
    for (let i = from; i < to; i += 1) hashes.push(hashParts(padded.slice(i, i + n), wordSeed + n));
  }
  return hashes;
};

const charGrams = (source: string, spec: CompanyTextSpec, hashes: number[]): void => {
  for (let start = 0; start < source.length; start += 1) {
    let hash = fnvOffset ^ charSeed;
    const stop = Math.min(source.length, start + spec.charMax);
    for (let end = start; end < stop; end += 1) {
      hash = Math.imul(hash ^ source.charCodeAt(end), fnvPrime);
      const length = end - start + 1;
      if (length >= spec.charMin) hashes.push(Math.imul(hash ^ length, fnvPrime) | 0);
    }
  }
};

/** The word and character n-grams of one text, hashed. Deterministic. */
export const companyTextFeatures = (text: string, spec: CompanyTextSpec): CompanyTextFeatures => {
  const tokens = tokenise(normaliseText(text));
  const chars: number[] = [];
  if (spec.charScope === 'text') charGrams(` ${tokens.join(' ')} `, spec, chars);
  else for (const token of tokens) charGrams(` ${token} `, spec, chars);
  return { words: countHashes(wordGrams(tokens, spec.wordMax)), chars: countHashes(chars) };
};
