import type { Triage } from '@ascolta/core';
import type { FeatureSpec } from '../features/extract-features.ts';
import type { LinearModel } from '../model/linear-model.ts';
import type { TrainingOptions } from '../model/train-linear-model.ts';
import { type LabelledText, trainTextClassifier } from './train-text-classifier.ts';

export const companyFeatureSpec: FeatureSpec = { dimsLog2: 20, charMin: 2, charMax: 5 };

// Chosen by cross-validation on BANKING77 (fold 0 of 5): smaller steps, more passes.
export const companyTrainingOptions: Partial<TrainingOptions> = {
  epochs: 15,
  learningRate: 0.1,
  minDocumentCount: 1,
  l2: 0,
};

const bin = (value: number, bins: number): number => Math.min(bins - 1, Math.floor(value * bins));

/**
 * What the built-in triage understood, as extra words the company model can weigh: the company
 * model starts from the general knowledge of the built-in one and learns the workspace's own use.
 */
export const builtinHints = (triage: Triage): string => {
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

export type HintSource = (text: string) => string;

/** The text as the company model reads it: the post, then the built-in hints. */
export const withHints = (text: string, hints?: HintSource): string => (hints ? `${text} ${hints(text)}` : text);

/** `ascolta triage train`: a classifier over any labels, from a company's rows and agents' feedback. */
export const trainCompanyModel = (rows: readonly LabelledText[], hints?: HintSource): LinearModel =>
  trainTextClassifier(
    rows.map((row) => ({ ...row, text: withHints(row.text, hints) })),
    companyFeatureSpec,
    companyTrainingOptions,
  );
