import { type BlockWeights, type CompanyModel, companyMargins, companyVectoriser } from '../model/company-model.ts';
import { buildBlockVocabulary } from '../model/sparse-vocabulary.ts';
import { seededRandom, shuffleInPlace } from '../model/train-linear-model.ts';
import { type SvmOptions, trainOneVsRestSvm } from '../model/train-linear-svm.ts';
import type { CompanyTextFeatures, CompanyTextSpec } from './company-text-features.ts';

/** One training row, already read: its n-grams, the built-in scores, its label index and weight. */
export interface PreparedRow {
  features: CompanyTextFeatures;
  hints?: Readonly<Record<string, number>>;
  label: number;
  weight: number;
}

export interface FitSettings {
  textSpec: CompanyTextSpec;
  blockWeights: BlockWeights;
  minDocumentCount: number;
  svm: SvmOptions;
  /** Weigh labels inversely to their frequency, so a rare label is not ignored. */
  balanceClasses: boolean;
}

/** Each label weighs n / (labels × its count), scikit-learn's `class_weight="balanced"`. */
const balancedWeights = (rows: readonly PreparedRow[], labelCount: number): Float64Array => {
  const counts = new Float64Array(labelCount);
  for (const row of rows) counts[row.label] = (counts[row.label] as number) + row.weight;
  const total = counts.reduce((sum, count) => sum + count, 0);
  return Float64Array.from(counts, (count) => (count > 0 ? total / (labelCount * count) : 0));
};

/** Vocabulary, vectors and one-vs-rest SVMs from `rows`; scores unscaled (scale 1). */
export const fitCompanyModel = (
  rows: readonly PreparedRow[],
  labels: readonly string[],
  hintKeys: readonly string[],
  settings: FitSettings,
): CompanyModel => {
  const words = buildBlockVocabulary(
    rows.map((row) => row.features.words),
    settings.minDocumentCount,
  );
  const chars = buildBlockVocabulary(
    rows.map((row) => row.features.chars),
    settings.minDocumentCount,
  );
  const shape = { words, chars, hintKeys, blockWeights: settings.blockWeights };
  const vectorise = companyVectoriser(shape);
  const vectors = rows.map((row) => vectorise(row.features, row.hints));
  const perClass = settings.balanceClasses ? balancedWeights(rows, labels.length) : undefined;
  const columnCount = words.ids.length + chars.ids.length + hintKeys.length;
  const gold = rows.map((row) => row.label);
  const exampleWeights = rows.map((row) => row.weight * (perClass ? (perClass[row.label] as number) : 1));
  const { weights, bias } = trainOneVsRestSvm(vectors, gold, labels.length, columnCount, settings.svm, exampleWeights);
  return { labels, textSpec: settings.textSpec, ...shape, weights, bias, scoreScale: 1 };
};

/** Margins of every row predicted by a model that never saw it (seeded k folds). */
export const outOfFoldMargins = (
  rows: readonly PreparedRow[],
  labels: readonly string[],
  hintKeys: readonly string[],
  settings: FitSettings,
  folds: number,
): Float64Array[] => {
  const order = shuffleInPlace(
    rows.map((_, index) => index),
    seededRandom(settings.svm.seed + 101),
  );
  const margins = new Array<Float64Array>(rows.length);
  for (let fold = 0; fold < folds; fold += 1) {
    const inTest = new Set(order.filter((_, position) => position % folds === fold));
    const model = fitCompanyModel(
      rows.filter((_, index) => !inTest.has(index)),
      labels,
      hintKeys,
      settings,
    );
    const vectorise = companyVectoriser(model);
    for (const index of inTest) {
      const row = rows[index] as PreparedRow;
      margins[index] = companyMargins(model, vectorise(row.features, row.hints));
    }
  }
  return margins;
};
