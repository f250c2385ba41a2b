import { isDomainError } from '../errors/domain-error.ts';
import { careLanguageFor, careTexts } from '../info-request/care-texts.ts';
import { renderTemplate, type TemplateVariables } from '../reply/render-template.ts';
import type { Template } from '../template/template.ts';
import type { Triage } from '../triage/triage.ts';

/** Per category: whether the bot may answer alone, and how sure triage must be. */
export interface CategoryAutomation {
  isAutomated: boolean;
  /** Lowest triage confidence, 0..1, for an automatic answer. */
  minConfidence: number;
}

export interface AutoAnswerInput {
  triage: Pick<Triage, 'actionable' | 'category' | 'confidence' | 'categoryConfidence'>;
  /** The customer's language; an answer is sent only in it. */
  language: string;
  templates: readonly Template[];
  automation: Readonly<Record<string, CategoryAutomation>>;
  variables: TemplateVariables;
}

export type AutoAnswerChoice = { kind: 'answer'; templateId: string; text: string } | { kind: 'none'; reason: string };

/** Appends the offer of a person unless the knowledge-base text already ends with it. */
const withHumanOffer = (text: string, language: string): string => {
  const offer = careTexts[careLanguageFor(language)].offerHuman;
  return text.trimEnd().endsWith(offer) ? text.trimEnd() : `${text.trimEnd()} ${offer}`;
};

/**
 * Picks a knowledge-base answer to send without a person: only for a category that allows it, in the
 * customer's language, when triage is at least as sure as both the category and the answer require.
 */
export const chooseAutoAnswer = (input: AutoAnswerInput): AutoAnswerChoice => {
  const { triage } = input;
  const policy = input.automation[triage.category];
  if (!triage.actionable) return { kind: 'none', reason: 'not actionable' };
  if (policy === undefined || !policy.isAutomated)
    return { kind: 'none', reason: `${triage.category} is not automated` };
  const template = input.templates.find(
    (candidate) =>
      candidate.kind === 'answer' && candidate.category === triage.category && candidate.language === input.language,
  );
  if (template === undefined) return { kind: 'none', reason: `no ${input.language} answer for ${triage.category}` };
  // Both numbers must clear the bar: a confident category with a shaky overall triage is still a guess.
  const confidence = Math.min(triage.confidence, triage.categoryConfidence);
  const threshold = Math.max(policy.minConfidence, template.autoAnswerThreshold ?? 0);
  if (confidence < threshold) return { kind: 'none', reason: `confidence ${confidence} below ${threshold}` };
  try {
    return {
      kind: 'answer',
      templateId: template.id,
      text: withHumanOffer(renderTemplate(template.body, input.variables), input.language),
    };
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid-input') return { kind: 'none', reason: error.message };
    throw error;
  }
};
