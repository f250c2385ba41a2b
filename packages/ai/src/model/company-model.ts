import type { CompanyTextFeatures, CompanyTextSpec } from '../training/company-text-features.ts';
import { type LinearModel, softmaxInPlace } from './linear-model.ts';
import { appendWeighedBlock, type BlockVocabulary, columnLookup, type SparseVector } from './sparse-vocabulary.ts';

/** How much each block of the input counts once L2-normalised (0 leaves a block out). */
export interface BlockWeights {
  words: number;
  chars: number;
  /** The built-in triage's scores, as dense values in [0, 1]. */
  hints: number;
}

/**
 * A company model (format 2): word and character n-gram blocks, each sublinear tf-idf and
 * L2-normalised, plus the built-in triage's scores as dense features; one linear scorer per label.
 * Columns: the word vocabulary, then the character vocabulary, then `hintKeys`.
 */
export interface CompanyModel {
  labels: readonly string[];
  textSpec: CompanyTextSpec;
  blockWeights: BlockWeights;
  words: BlockVocabulary;
  chars: BlockVocabulary;
  /** Keys of the built-in triage's `scores` read as features; empty when trained without hints. */
  hintKeys: readonly string[];
  /** columns × labels, row-major. */
  weights: Float32Array;
  bias: Float32Array;
  /** Margins × this scale, through a softmax, give the scores. */
  scoreScale: number;
  /**
   * A format-1 model (hashed n-grams, softmax regression) whose probabilities are averaged in with
   * this weight: a second view of the same rows, which the SVMs alone do not match.
   */
  partner?: {
    model: LinearModel;
    weight: number;
    /** Whether it reads the built-in triage's outputs as hint words after the text. */
    readsHints: boolean;
  };
}

export type HintScores = (text: string) => Readonly<Record<string, number>>;

export const companyColumnCount = (model: Pick<CompanyModel, 'words' | 'chars' | 'hintKeys'>): number =>
  model.words.ids.length + model.chars.ids.length + model.hintKeys.length;

export type CompanyVectoriser = (
  features: CompanyTextFeatures,
  hints?: Readonly<Record<string, number>>,
) => SparseVector;

/** Turns a text's n-grams (and the built-in scores) into the model's columns. */
export const companyVectoriser = (
  model: Pick<CompanyModel, 'words' | 'chars' | 'hintKeys' | 'blockWeights'>,
): CompanyVectoriser => {
  const charOffset = model.words.ids.length;
  const hintOffset = charOffset + model.chars.ids.length;
  const wordLookup = columnLookup(model.words, 0);
  const charLookup = columnLookup(model.chars, charOffset);
  const { words, chars, hints } = model.blockWeights;
  return (features, hintScores) => {
    const columns: number[] = [];
    const values: number[] = [];
    if (words > 0) appendWeighedBlock(features.words, model.words, wordLookup, words, 0, columns, values);
    if (chars > 0) appendWeighedBlock(features.chars, model.chars, charLookup, chars, charOffset, columns, values);
    if (hints > 0 && hintScores) {
      model.hintKeys.forEach((key, k) => {
        const value = hintScores[key] ?? 0;
        if (value === 0) return;
        columns.push(hintOffset + k);
        values.push(value * hints);
      });
    }
    return { columns: Int32Array.from(columns), values: Float32Array.from(values) };
  };
};

/** Raw margin of every label for one vector. */
export const companyMargins = (
  model: Pick<CompanyModel, 'weights' | 'bias' | 'labels'>,
  vector: SparseVector,
): Float64Array => {
  const labelCount = model.labels.length;
  const margins = Float64Array.from(model.bias);
  for (let j = 0; j < vector.columns.length; j += 1) {
    const offset = (vector.columns[j] as number) * labelCount;
    const value = vector.values[j] as number;
    for (let k = 0; k < labelCount; k += 1)
      margins[k] = (margins[k] as number) + value * (model.weights[offset + k] as number);
  }
  return margins;
};

/** Scores of every label (softmax of the scaled margins), in the order of `model.labels`. */
export const probabilitiesOf = (
  model: Pick<CompanyModel, 'weights' | 'bias' | 'labels' | 'scoreScale'>,
  vector: SparseVector,
) => {
  const margins = companyMargins(model, vector);
  for (let k = 0; k < margins.length; k += 1) margins[k] = (margins[k] as number) * model.scoreScale;
  softmaxInPlace(margins);
  return margins;
};
