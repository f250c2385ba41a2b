import type { Triage } from '@ascolta/core';
import type { FeatureSpec } from '../features/extract-features.ts';
import type { CompanyModel, HintScores } from '../model/company-model.ts';
import type { TrainingOptions } from '../model/train-linear-model.ts';
import { defaultSvmOptions, type SvmOptions } from '../model/train-linear-svm.ts';
import { type CompanyTextSpec, companyTextFeatures } from './company-text-features.ts';
import { type FitSettings, fitCompanyModel, outOfFoldMargins, type PreparedRow } from './fit-company-model.ts';
import { type LabelledText, trainTextClassifier } from './train-text-classifier.ts';
import { bestBinaryThreshold, bestScoreScale, marginsMacroF1 } from './tune-company-model.ts';

/** Features of the first company models (format 1), and of a format-2 model's partner. */
export const companyFeatureSpec: FeatureSpec = { dimsLog2: 20, charMin: 2, charMax: 5 };

/** How the first company models were trained, and a format-2 model's partner is. */
export const partnerTrainingOptions: Partial<TrainingOptions> = {
  epochs: 15,
  learningRate: 0.1,
  minDocumentCount: 1,
  l2: 0,
};

export interface CompanyTrainingOptions {
  textSpec: CompanyTextSpec;
  minDocumentCount: number;
  svm: SvmOptions;
  balanceClasses: boolean;
  wordWeight: number;
  charWeight: number;
  /** SVM cost and weight of the built-in scores used when the data is too large to choose. */
  fallbackChoice: { c: number; hints: number };
  /** The candidates inner cross-validation chooses from (on the training rows only). */
  candidates: readonly { c: number; hints: number }[];
  innerFolds: number;
  /** Two labels: move the decision threshold to the best macro-F1 of the inner folds. */
  tuneThreshold: boolean;
  /** Above this many rows nothing is chosen by inner folds (too slow): the fallback, a fixed scale. */
  tuneUpToRows: number;
  fallbackScoreScale: number;
  /** Weight of the format-1 partner in the averaged probabilities (0: no partner). */
  partnerWeight: number;
  /** Whether the partner reads the built-in hint words too (when there are hints). */
  partnerReadsHints: boolean;
}

export const companyTrainingOptions: CompanyTrainingOptions = {
  textSpec: { wordMax: 2, charMin: 1, charMax: 5, charScope: 'text' },
  minDocumentCount: 1,
  svm: { ...defaultSvmOptions, c: 1, tolerance: 0.05 },
  balanceClasses: true,
  wordWeight: 0.5,
  charWeight: 1,
  fallbackChoice: { c: 1, hints: 3 },
  candidates: [{ c: 1, hints: 3 }],
  innerFolds: 5,
  tuneThreshold: false,
  tuneUpToRows: 3000,
  fallbackScoreScale: 6,
  partnerWeight: 0.4,
  partnerReadsHints: true,
};

const bin = (value: number, bins: number): number => Math.min(bins - 1, Math.floor(value * bins));

/**
 * What the built-in triage understood, as extra words: how format-1 models (the first company
 * models, and a format-2 model's partner) read the built-in triage. Changing it changes their predictions.
 */
export const builtinHints = (triage: BuiltinReading): string => {
  const score = (key: string) => triage.scores[key] ?? 0;
  return [
    `zzcomplaint${bin(score('complaint'), 10)}`,
    `zzactionable${bin(score('actionable'), 5)}`,
    `zzkind${triage.kind}`,
    `zzsentiment${triage.sentimentLabel}`,
    `zzsentimentbin${bin((triage.sentiment + 1) / 2, 6)}`,
    `zzcategory${triage.category}`,
    ...triage.urgency.map((cue) => `zzurgency${cue.replace(/-/g, '')}`),
  ].join(' ');
};

/** What a company model reads of the built-in triage. */
export type BuiltinReading = Pick<Triage, 'scores' | 'kind' | 'sentiment' | 'sentimentLabel' | 'category' | 'urgency'>;

/** The built-in triage of a text, which a company model starts from. */
export type HintSource = (text: string) => BuiltinReading;

/** The text as a format-1 company model reads it: the post, then the built-in hints. */
export const withHints = (text: string, hints?: HintSource): string =>
  hints ? `${text} ${builtinHints(hints(text))}` : text;

export const hintScoresOf =
  (hints: HintSource): HintScores =>
  (text) =>
    hints(text).scores;

const settingsFor = (options: CompanyTrainingOptions, choice: { c: number; hints: number }, withHintScores: boolean) =>
  ({
    textSpec: options.textSpec,
    minDocumentCount: options.minDocumentCount,
    svm: { ...options.svm, c: choice.c },
    balanceClasses: options.balanceClasses,
    blockWeights: { words: options.wordWeight, chars: options.charWeight, hints: withHintScores ? choice.hints : 0 },
  }) satisfies FitSettings;

/** The candidate whose out-of-fold margins on the training rows score the best macro-F1, with those margins. */
const chooseByInnerFolds = (
  prepared: readonly PreparedRow[],
  labels: readonly string[],
  hintKeys: readonly string[],
  options: CompanyTrainingOptions,
  withHintScores: boolean,
): { settings: FitSettings; margins: Float64Array[] } => {
  const gold = prepared.map((row) => row.label);
  // Without hints, candidates that differ only in the weight of the hints are the same model.
  const candidates = withHintScores
    ? options.candidates
    : options.candidates.filter((candidate, i, all) => all.findIndex((other) => other.c === candidate.c) === i);
  let best = { settings: settingsFor(options, options.fallbackChoice, withHintScores), margins: [] as Float64Array[] };
  let bestScore = -1;
  for (const candidate of candidates) {
    const settings = settingsFor(options, candidate, withHintScores);
    const margins = outOfFoldMargins(prepared, labels, hintKeys, settings, options.innerFolds);
    const score = marginsMacroF1(margins, gold, labels);
    if (score > bestScore) [best, bestScore] = [{ settings, margins }, score];
  }
  return best;
};

/** Two labels: moves the decision from a first-label margin of 0 to `threshold` (no-op for 0). */
const shiftFirstLabel = <T extends Float32Array | Float64Array>(margins: T, threshold: number): T => {
  if (margins.length !== 2 || threshold === 0) return margins;
  const shifted = margins.slice() as T;
  shifted[0] = (margins[0] as number) - threshold / 2;
  shifted[1] = (margins[1] as number) + threshold / 2;
  return shifted;
};

/**
 * `ascolta triage train`: one-vs-rest linear SVMs over word and character n-grams and the built-in
 * triage's scores. On small data, inner cross-validation on the training rows chooses the cost and
 * the weight of the built-in scores, the threshold of a two-label model (for macro-F1) and the scale
 * that turns margins into scores. Deterministic: the same rows give the same model.
 */
export const trainCompanyModel = (
  rows: readonly LabelledText[],
  hints?: HintSource,
  options: CompanyTrainingOptions = companyTrainingOptions,
): CompanyModel => {
  const labels = [...new Set(rows.map((row) => row.label))].sort();
  const hintScores = hints ? hintScoresOf(hints) : undefined;
  const prepared: PreparedRow[] = rows.map((row) => ({
    features: companyTextFeatures(row.text, options.textSpec),
    hints: hintScores?.(row.text),
    label: labels.indexOf(row.label),
    weight: row.weight ?? 1,
  }));
  const hintKeys = Object.keys(prepared[0]?.hints ?? {}).sort();
  const gold = prepared.map((row) => row.label);
  const canTune = prepared.length <= options.tuneUpToRows && options.innerFolds > 1;
  const withPartner = (model: CompanyModel): CompanyModel => {
    if (options.partnerWeight <= 0) return model;
    const readsHints = options.partnerReadsHints && hints !== undefined;
    const partnerRows = readsHints ? rows.map((row) => ({ ...row, text: withHints(row.text, hints) })) : rows;
    const partner = trainTextClassifier(partnerRows, companyFeatureSpec, partnerTrainingOptions, labels);
    return { ...model, partner: { model: partner, weight: options.partnerWeight, readsHints } };
  };
  if (!canTune) {
    const model = fitCompanyModel(prepared, labels, hintKeys, settingsFor(options, options.fallbackChoice, !!hints));
    return withPartner({ ...model, scoreScale: options.fallbackScoreScale });
  }
  const chosen = chooseByInnerFolds(prepared, labels, hintKeys, options, !!hints);
  const threshold = labels.length === 2 && options.tuneThreshold ? bestBinaryThreshold(chosen.margins, gold) : 0;
  const model = fitCompanyModel(prepared, labels, hintKeys, chosen.settings);
  return withPartner({
    ...model,
    bias: shiftFirstLabel(model.bias, threshold),
    scoreScale: bestScoreScale(
      chosen.margins.map((margin) => shiftFirstLabel(margin, threshold)),
      gold,
    ),
  });
};
