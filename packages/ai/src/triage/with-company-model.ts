import { type Classifier, DomainError, messageKinds, type Triage } from '@ascolta/core';
import type { CompanyClassifier } from '../training/company-model-files.ts';

/** The triage decision a workspace's own model (`ascolta triage train`) takes over. */
export const companyModelFields = ['category', 'actionable', 'kind'] as const;
export type CompanyModelField = (typeof companyModelFields)[number];

export interface CompanyModelOptions {
  model: CompanyClassifier;
  field: CompanyModelField;
  /** Shown in each triage's `model`, e.g. the model folder's name. */
  name: string;
}

const checkLabels = ({ model, field }: CompanyModelOptions): void => {
  const labels = [...model.labels];
  if (field === 'actionable' && !(labels.includes('actionable') && labels.includes('not_actionable'))) {
    throw new DomainError(
      'invalid-input',
      `a model for 'actionable' needs the labels actionable and not_actionable (it has ${labels.join(', ')})`,
    );
  }
  const unknownKinds = labels.filter((label) => !(messageKinds as readonly string[]).includes(label));
  if (field === 'kind' && unknownKinds.length > 0) {
    throw new DomainError(
      'invalid-input',
      `a model for 'kind' knows only message kinds; not: ${unknownKinds.join(', ')}`,
    );
  }
};

const decide = (triage: Triage, field: CompanyModelField, label: string, score: number): Triage => {
  switch (field) {
    case 'category':
      return { ...triage, category: label, categoryConfidence: score };
    case 'kind':
      return { ...triage, kind: label as Triage['kind'] };
    case 'actionable': {
      const actionable = label === 'actionable';
      const probability = actionable ? score : 1 - score;
      return { ...triage, actionable, scores: { ...triage.scores, actionable: probability } };
    }
  }
};

/**
 * The configured triage with one decision taken by the workspace's own model, trained on its data and its
 * agents' corrections: the triage adapts to the workspace while everything else (language, entities,
 * personal data, urgency, sentiment) stays the general model's. The explanation says so.
 */
export const withCompanyModel = (base: Classifier, options: CompanyModelOptions): Classifier => {
  checkLabels(options);
  const { model, field, name } = options;
  return {
    name: `${base.name}+${name}`,
    async classify(input) {
      const triage = await base.classify(input);
      const { label, scores } = model.predict(input.text);
      const score = scores[label] ?? 0;
      const decided = decide(triage, field, label, score);
      return {
        ...decided,
        explanation: [
          ...triage.explanation,
          `${field} by the workspace model ${name}: ${label} (${Math.round(score * 100)}%)`,
        ],
        model: `${triage.model}+${name}`,
      };
    },
  };
};
