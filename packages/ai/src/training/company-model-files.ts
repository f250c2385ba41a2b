import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@ascolta/core';
import { extractFeatures } from '../features/extract-features.ts';
import { argmax, type LinearModel, predictProbabilities } from '../model/linear-model.ts';
import { readModelFile, writeModelFile } from '../model/model-files.ts';
import { type HintSource, withHints } from './train-company-model.ts';

const fileName = 'company.model';

export interface CompanyPrediction {
  label: string;
  scores: Record<string, number>;
}

export interface CompanyClassifier {
  labels: readonly string[];
  predict(text: string): CompanyPrediction;
}

export const saveCompanyModel = (dir: string, model: LinearModel, meta: Record<string, unknown>): number =>
  writeModelFile(join(dir, fileName), model, meta);

/** A model trained by `ascolta triage train`; `hints` must be the built-in triage it was trained with. */
export const companyClassifier = (model: LinearModel, hints?: HintSource): CompanyClassifier => ({
  labels: model.labels,
  predict: (text) => {
    const probabilities = predictProbabilities(model, extractFeatures(withHints(text, hints), model.spec));
    return {
      label: model.labels[argmax(probabilities)] as string,
      scores: Object.fromEntries(
        model.labels.map((label, k) => [label, Math.round((probabilities[k] as number) * 1000) / 1000]),
      ),
    };
  },
});

export const loadCompanyModel = (dir: string): { model: LinearModel; meta: Record<string, unknown> } => {
  const path = join(dir, fileName);
  if (!existsSync(path)) throw new DomainError('not-found', `no trained model in ${dir} (expected ${fileName})`);
  return readModelFile(path);
};
