import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@ascolta/core';
import { extractFeatures } from '../features/extract-features.ts';
import { type CompanyModel, companyVectoriser, probabilitiesOf } from '../model/company-model.ts';
import { decodeCompanyModel, encodeCompanyModel, isCompanyModelFile } from '../model/company-model-codec.ts';
import { argmax, type LinearModel, predictProbabilities } from '../model/linear-model.ts';
import { decodeModel } from '../model/model-codec.ts';
import { companyTextFeatures } from './company-text-features.ts';
import { builtinHints, type HintSource, withHints } from './train-company-model.ts';

const fileName = 'company.model';

export interface CompanyPrediction {
  label: string;
  scores: Record<string, number>;
}

export interface CompanyClassifier {
  labels: readonly string[];
  predict(text: string): CompanyPrediction;
}

/** A model written by `ascolta triage train`: format 2, or a format-1 model written before it. */
export type AnyCompanyModel = { format: 2; model: CompanyModel } | { format: 1; model: LinearModel };

export const saveCompanyModel = (dir: string, model: CompanyModel, meta: Record<string, unknown>): number => {
  mkdirSync(dir, { recursive: true });
  const bytes = encodeCompanyModel(model, meta);
  writeFileSync(join(dir, fileName), bytes);
  return bytes.length;
};

const predictionOf = (labels: readonly string[], probabilities: Float64Array): CompanyPrediction => ({
  label: labels[argmax(probabilities)] as string,
  scores: Object.fromEntries(labels.map((label, k) => [label, Math.round((probabilities[k] as number) * 1000) / 1000])),
});

/** A trained company model as a classifier; `hints` must be the built-in triage it was trained with. */
export const companyClassifier = (trained: AnyCompanyModel | CompanyModel, hints?: HintSource): CompanyClassifier => {
  const { format, model } = 'format' in trained ? trained : ({ format: 2, model: trained } as const);
  if (format === 1) {
    return {
      labels: model.labels,
      predict: (text) =>
        predictionOf(model.labels, predictProbabilities(model, extractFeatures(withHints(text, hints), model.spec))),
    };
  }
  const vectorise = companyVectoriser(model);
  const useHints = model.hintKeys.length > 0 && model.blockWeights.hints > 0;
  const { partner } = model;
  const partnerColumns = partner ? model.labels.map((label) => partner.model.labels.indexOf(label)) : [];
  return {
    labels: model.labels,
    predict: (text) => {
      const builtin = hints?.(text);
      const vector = vectorise(companyTextFeatures(text, model.textSpec), useHints ? builtin?.scores : undefined);
      const probabilities = probabilitiesOf(model, vector);
      if (partner) {
        const hinted = builtin && partner.readsHints ? `${text} ${builtinHints(builtin)}` : text;
        const other = predictProbabilities(partner.model, extractFeatures(hinted, partner.model.spec));
        for (let k = 0; k < probabilities.length; k += 1) {
          probabilities[k] =
            (1 - partner.weight) * (probabilities[k] as number) +
            partner.weight * ((other[partnerColumns[k] as number] as number | undefined) ?? 0);
        }
      }
      return predictionOf(model.labels, probabilities);
    },
  };
};

export const loadCompanyModel = (dir: string): { model: AnyCompanyModel; meta: Record<string, unknown> } => {
  const path = join(dir, fileName);
  if (!existsSync(path)) throw new DomainError('not-found', `no trained model in ${dir} (expected ${fileName})`);
  const bytes = new Uint8Array(readFileSync(path));
  try {
    if (isCompanyModelFile(bytes)) {
      const { model, meta } = decodeCompanyModel(bytes);
      return { model: { format: 2, model }, meta };
    }
    const { model, meta } = decodeModel(bytes);
    return { model: { format: 1, model }, meta };
  } catch (error) {
    throw new DomainError('invalid-input', `cannot read ${path}: ${error instanceof Error ? error.message : error}`);
  }
};
