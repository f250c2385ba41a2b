import { extractFeatures, type FeatureSpec } from '../features/extract-features.ts';
import type { LinearModel } from '../model/linear-model.ts';
import { defaultTrainingOptions, type TrainingOptions, trainLinearModel } from '../model/train-linear-model.ts';

export interface LabelledText {
  text: string;
  label: string;
  /** Relative importance of the example; 1 by default. */
  weight?: number;
}

/** Trains a classifier over the labels present, sorted so the same rows always give the same model. */
export const trainTextClassifier = (
  rows: readonly LabelledText[],
  spec: FeatureSpec,
  options: Partial<TrainingOptions> = {},
  labels: readonly string[] = [...new Set(rows.map((row) => row.label))].sort(),
): LinearModel => {
  const examples = rows.map((row) => ({
    features: extractFeatures(row.text, spec),
    label: labels.indexOf(row.label),
    weight: row.weight ?? 1,
  }));
  return trainLinearModel(
    examples.filter((example) => example.label >= 0),
    labels,
    spec,
    { ...defaultTrainingOptions, ...options },
  );
};
