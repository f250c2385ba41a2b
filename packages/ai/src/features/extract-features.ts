import { polarityOf } from './polarity-words.ts';
import { cuePolarityOf, emoticonPolarities, isNegator, negationScope } from './sentiment-cues.ts';

/** Hashed bag of word uni/bi-grams and in-word character n-grams; the one input every linear model reads. */
export interface SparseFeatures {
  /** Bucket ids, each once (ascending from `extractFeatures`). */
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
  /**
   * Adds negation scope (the three words after "not", "non", "mai"… as negated words, and their
   * polarity flipped), emoticons, and a larger lexicon (`sentiment-cues.ts`). Needs `lexicon`.
   */
  sentimentCues?: boolean;
}

export const defaultFeatureSpec: FeatureSpec = { dimsLog2: 18, charMin: 2, charMax: 5 };

const urlPattern = /https?:\/\/\S+|www\.\S+/g;
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const mentionPattern = /@\w+/g;
const tokenPattern = /[\p{L}\p{N}_]+|[!?]|\p{Extended_Pictographic}/gu;
const nonAscii = /[^\u0020-\u007e\t\n\r]/;

/** Lower case, no diacritics, URLs, e-mails and handles as placeholders, digits as 0: what the models see. */
export const normaliseText = (text: string): string => {
  // Each step is skipped when it cannot change the text: most posts are short ASCII without links.
  let folded = text.toLowerCase();
  if (nonAscii.test(folded)) folded = folded.normalize('NFD').replace(/\p{M}+/gu, '');
  if (folded.includes('http') || folded.includes('www.')) folded = folded.replace(urlPattern, ' _url_ ');
  if (folded.includes('@')) folded = folded.replace(emailPattern, ' _email_ ').replace(mentionPattern, ' _user_ ');
  return folded.replace(/\d/g, '0');
};

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
const negatedSeed = 4;
const space = 32;

/** Bucket of a word unigram, so explanations can map a decisive bucket back to its word. */
export const wordBucket = (word: string, spec: FeatureSpec): number =>
  hashString(word, wordSeed) >>> (32 - spec.dimsLog2);

export const bigramBucket = (first: string, second: string, spec: FeatureSpec): number =>
  mix(hashString(first, bigramSeed), hashString(second, bigramSeed)) >>> (32 - spec.dimsLog2);

const startHash = hashString('_start_', bigramSeed);
const endHash = hashString('_end_', bigramSeed);

/**
 * Reusable buffers for hashing one post at a time. The hot path (the built-in triage) hashes into
 * them with no allocation but the token strings; training copies each result out.
 */
export interface FeatureScratch {
  buckets: Int32Array;
  /** Number of buckets written by the last `hashFeatures`, duplicates included. */
  size: number;
  /** The tokens of the last post, for explanations. */
  tokens: string[];
}

export const createFeatureScratch = (): FeatureScratch => ({ buckets: new Int32Array(1024), size: 0, tokens: [] });

const grow = (scratch: FeatureScratch, needed: number): void => {
  if (needed <= scratch.buckets.length) return;
  const bigger = new Int32Array(Math.max(needed, scratch.buckets.length * 2));
  bigger.set(scratch.buckets.subarray(0, scratch.size));
  scratch.buckets = bigger;
};

/**
 * The buckets of one text, duplicates included, into `scratch` (the same values as the word, bigram
 * and character n-gram definitions above, computed without building n-gram strings).
 */
export const hashFeatures = (text: string, spec: FeatureSpec, scratch: FeatureScratch): void => {
  const normalised = normaliseText(text);
  const tokens = tokenise(normalised);
  scratch.tokens = tokens;
  const shift = 32 - spec.dimsLog2;
  const { charMin, charMax } = spec;
  let size = 0;
  let previousHash = startHash;
  const cues = spec.sentimentCues === true;
  let negatedLeft = 0;
  let previous: string | undefined;
  for (const token of tokens) {
    const length = token.length;
    // Upper bound of what this token adds: word, bigram, polarity, negated word, and its character n-grams.
    grow(scratch, size + 4 + (length + 2) * (charMax - charMin + 1));
    const buckets = scratch.buckets;
    let wordHash = fnvOffset ^ wordSeed;
    let pairHash = fnvOffset ^ bigramSeed;
    for (let i = 0; i < length; i += 1) {
      const code = token.charCodeAt(i);
      wordHash = Math.imul(wordHash ^ code, fnvPrime);
      pairHash = Math.imul(pairHash ^ code, fnvPrime);
    }
    pairHash >>>= 0;
    buckets[size++] = (wordHash >>> 0) >>> shift;
    buckets[size++] = mix(previousHash, pairHash) >>> shift;
    if (cues) {
      if (token === '!' || token === '?') negatedLeft = 0;
      const negated = negatedLeft > 0;
      const polarity = cuePolarityOf.get(token);
      if (polarity !== undefined)
        buckets[size++] = hashString(negated ? `${polarity}_not` : polarity, wordSeed) >>> shift;
      if (negated) buckets[size++] = mix(wordHash >>> 0, negatedSeed) >>> shift;
      if (isNegator(token, previous)) negatedLeft = negationScope;
      else negatedLeft -= 1;
      previous = token;
    } else if (spec.lexicon) {
      const polarity = polarityOf[token];
      if (polarity !== undefined) buckets[size++] = hashString(polarity, wordSeed) >>> shift;
    }
    if (length > 1) {
      // Character n-grams of ` token `, the padding spaces included.
      const padded = length + 2;
      for (let start = 0; start < padded - 1; start += 1) {
        let hash = fnvOffset ^ charSeed;
        const stop = Math.min(padded, start + charMax);
        for (let end = start; end < stop; end += 1) {
          const code = end === 0 || end === padded - 1 ? space : token.charCodeAt(end - 1);
          hash = Math.imul(hash ^ code, fnvPrime);
          const gram = end - start + 1;
          if (gram >= charMin) buckets[size++] = mix(hash >>> 0, gram) >>> shift;
        }
      }
    }
    previousHash = pairHash;
  }
  const emoticons = cues ? emoticonPolarities(normalised) : [];
  grow(scratch, size + 1 + emoticons.length);
  scratch.buckets[size++] = mix(previousHash, endHash) >>> shift;
  for (const emoticon of emoticons) scratch.buckets[size++] = hashString(emoticon, wordSeed) >>> shift;
  scratch.size = size;
};

/** Features of one text. Deterministic: the same text always gives the same vector. */
export const extractFeatures = (text: string, spec: FeatureSpec = defaultFeatureSpec): SparseFeatures => {
  const scratch = createFeatureScratch();
  hashFeatures(text, spec, scratch);
  return countBuckets(scratch.buckets.slice(0, scratch.size).sort());
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
