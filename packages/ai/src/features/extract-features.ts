import { polarityOf } from './polarity-words.ts';

/** Hashed bag of word uni/bi-grams and in-word character n-grams; the one input every linear model reads. */
export interface SparseFeatures {
  /** Bucket ids, ascending, each once. */
  indices: Int32Array;
  /** Raw occurrence counts of each bucket. */
  counts: Float32Array;
}

export interface FeatureSpec {
  /** The hash space has 2^dimsLog2 buckets. */
  dimsLog2: number;
  charMin: number;
  charMax: number;
  /** Adds a feature for the polarity of lexicon words (built-in models). */
  lexicon?: boolean;
}

export const defaultFeatureSpec: FeatureSpec = { dimsLog2: 18, charMin: 2, charMax: 5 };

const urlPattern = /https?:\/\/\S+|www\.\S+/g;
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const mentionPattern = /@\w+/g;
const tokenPattern = /[\p{L}\p{N}_]+|[!?]|\p{Extended_Pictographic}/gu;

/** Lower case, no diacritics, URLs, e-mails and handles as placeholders, digits as 0: what the models see. */
export const normaliseText = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(urlPattern, ' _url_ ')
    .replace(emailPattern, ' _email_ ')
    .replace(mentionPattern, ' _user_ ')
    .replace(/\d/g, '0');

export const tokenise = (normalised: string): string[] => normalised.match(tokenPattern) ?? [];

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

const hashString = (text: string, seed: number): number => {
  let hash = fnvOffset ^ seed;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), fnvPrime);
  return hash >>> 0;
};

const mix = (a: number, b: number): number => Math.imul(a ^ Math.imul(b, 0x9e3779b1), fnvPrime) >>> 0;

const wordSeed = 1;
const bigramSeed = 2;
const charSeed = 3;

/** Bucket of a word unigram, so explanations can map a decisive bucket back to its word. */
export const wordBucket = (word: string, spec: FeatureSpec): number =>
  hashString(word, wordSeed) >>> (32 - spec.dimsLog2);

export const bigramBucket = (first: string, second: string, spec: FeatureSpec): number =>
  mix(hashString(first, bigramSeed), hashString(second, bigramSeed)) >>> (32 - spec.dimsLog2);

const pushCharGrams = (token: string, spec: FeatureSpec, out: number[]): void => {
  const padded = ` ${token} `;
  const shift = 32 - spec.dimsLog2;
  for (let start = 0; start < padded.length - 1; start += 1) {
    let hash = fnvOffset ^ charSeed;
    const stop = Math.min(padded.length, start + spec.charMax);
    for (let end = start; end < stop; end += 1) {
      hash = Math.imul(hash ^ padded.charCodeAt(end), fnvPrime);
      const length = end - start + 1;
      if (length >= spec.charMin) out.push(mix(hash >>> 0, length) >>> shift);
    }
  }
};

/** Features of one text. Deterministic: the same text always gives the same vector. */
export const extractFeatures = (text: string, spec: FeatureSpec = defaultFeatureSpec): SparseFeatures => {
  const tokens = tokenise(normaliseText(text));
  const buckets: number[] = [];
  let previous = '_start_';
  for (const token of tokens) {
    buckets.push(wordBucket(token, spec), bigramBucket(previous, token, spec));
    const polarity = spec.lexicon ? polarityOf[token] : undefined;
    if (polarity !== undefined) buckets.push(wordBucket(polarity, spec));
    if (token.length > 1) pushCharGrams(token, spec, buckets);
    previous = token;
  }
  buckets.push(bigramBucket(previous, '_end_', spec));
  return countBuckets(Int32Array.from(buckets).sort());
};

const countBuckets = (sorted: Int32Array): SparseFeatures => {
  const indices = new Int32Array(sorted.length);
  const counts = new Float32Array(sorted.length);
  let size = -1;
  for (let i = 0; i < sorted.length; i += 1) {
    const bucket = sorted[i] as number;
    if (size >= 0 && indices[size] === bucket) counts[size] = (counts[size] as number) + 1;
    else {
      size += 1;
      indices[size] = bucket;
      counts[size] = 1;
    }
  }
  return { indices: indices.subarray(0, size + 1), counts: counts.subarray(0, size + 1) };
};
