import {
  type Classifier,
  type MessageKind,
  messageKinds,
  type SentimentLabel,
  type Triage,
  type TriageInput,
} from '@ascolta/core';
import { extractEntities, findPii } from '../entities/extract-entities.ts';
import { extractFeatures } from '../features/extract-features.ts';
import { createLanguageDetector } from '../language/detect-language.ts';
import { fuseModels } from '../model/fuse-models.ts';
import { argmax } from '../model/linear-model.ts';
import type { BuiltinModels } from '../training/build-builtin-models.ts';
import { detectUrgency } from '../urgency/detect-urgency.ts';
import { decisiveWords } from './explain-decision.ts';

/** The built-in engine: the async port for the pipeline, and a synchronous `triage` for batches. */
export interface BuiltinTriage extends Classifier {
  triage(input: TriageInput): Triage;
}

const actionableKinds: ReadonlySet<MessageKind> = new Set(['complaint', 'question', 'request']);
const sentimentLabels: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

const scoreTable = (prefix: string, labels: readonly string[], probabilities: Float64Array) =>
  Object.fromEntries(labels.map((label, k) => [`${prefix}.${label}`, round3(probabilities[k] as number)]));

/**
 * A complaint reports dissatisfaction with a product or service: both what it is (the kind model)
 * and how it feels (the sentiment model) must say so, hence the geometric mean of the two.
 */
const complaintScoreOf = (kinds: Float64Array, sentiment: Float64Array): number =>
  Math.sqrt((kinds[messageKinds.indexOf('complaint')] as number) * (sentiment[0] as number));

/** Kind from the kind model, kept consistent with the dedicated complaint detector. */
const decideKind = (kindProbabilities: Float64Array, complaintScore: number): MessageKind => {
  const ranked = messageKinds
    .map((kind, k) => ({ kind, probability: kindProbabilities[k] as number }))
    .sort((a, b) => b.probability - a.probability);
  const best = ranked[0]?.kind ?? 'other';
  if (complaintScore >= 0.5) return best === 'request' || best === 'spam' ? best : 'complaint';
  return best === 'complaint' ? (ranked[1]?.kind ?? 'other') : best;
};

// `other` is the catch-all: a specific category this likely is the better routing answer.
const specificCategoryFloor = 0.3;

const pickCategory = (labels: readonly string[], probabilities: Float64Array, allowed?: readonly string[]) => {
  const candidates = labels
    .map((label, k) => ({ category: label, confidence: probabilities[k] as number }))
    .filter((candidate) => allowed === undefined || allowed.includes(candidate.category))
    .sort((a, b) => b.confidence - a.confidence);
  const [best, second] = candidates;
  if (best === undefined) return { category: 'other', confidence: 0 };
  if (best.category === 'other' && second !== undefined && second.confidence >= specificCategoryFloor) return second;
  return best;
};

interface Actionability {
  actionable: boolean;
  score: number;
}

/**
 * Complaints, questions and requests need an answer; so does anything with an urgency cue, and a
 * negative reply to one of the brand's own posts, whatever its kind.
 */
const decideActionability = (
  kind: MessageKind,
  kinds: Float64Array,
  complaintScore: number,
  hasUrgency: boolean,
  isNegativeReplyToBrand: boolean,
): Actionability => {
  const askingScore =
    (kinds[messageKinds.indexOf('question')] as number) + (kinds[messageKinds.indexOf('request')] as number);
  const score = 1 - (1 - complaintScore) * (1 - askingScore);
  const actionable = actionableKinds.has(kind) || hasUrgency || isNegativeReplyToBrand;
  // The score agrees with the decision, so a threshold of 0.5 on it reproduces `actionable`.
  return { actionable, score: round3(actionable ? Math.max(score, 0.5) : Math.min(score, 0.499)) };
};

const explain = (
  kind: MessageKind,
  confidence: number,
  words: readonly string[],
  input: TriageInput,
  urgency: readonly string[],
) => [
  `${kind} (${round3(confidence)})${words.length > 0 ? `: ${words.map((word) => `"${word}"`).join(', ')}` : ''}`,
  ...urgency.map((cue) => `urgency: ${cue}`),
  ...(input.isReplyToBrand ? ['reply to the brand'] : []),
];

export const createBuiltinTriage = (models: BuiltinModels, version: string): BuiltinTriage => {
  const detectLanguage = createLanguageDetector();
  // The spec the models were trained with, read from their files, not from the current code.
  const spec = models.kind.spec;
  const fused = fuseModels([models.sentiment, models.kind, models.category]);
  const triage = (input: TriageInput): Triage => {
    const { language, confidence: languageConfidence } = detectLanguage(input.text, input.languageHint);
    const [sentiment, kinds, categories] = fused.predict(extractFeatures(input.text, spec)) as [
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    const complaintScore = complaintScoreOf(kinds, sentiment);
    const urgency = detectUrgency(input.text);
    const kind = decideKind(kinds, complaintScore);
    const sentimentLabel = sentimentLabels[argmax(sentiment)] ?? 'neutral';
    const isNegativeReplyToBrand = input.isReplyToBrand === true && sentimentLabel === 'negative';
    const { actionable, score } = decideActionability(
      kind,
      kinds,
      complaintScore,
      urgency.length > 0,
      isNegativeReplyToBrand,
    );
    const category = pickCategory(models.category.labels, categories, input.categories);
    const entities = extractEntities(input.text);
    const kindConfidence = kind === 'complaint' ? complaintScore : (kinds[messageKinds.indexOf(kind)] as number);
    const words = decisiveWords(models.kind, spec, input.text, messageKinds.indexOf(kind));
    return {
      language,
      languageConfidence,
      actionable,
      kind,
      category: category.category,
      categoryConfidence: round3(category.confidence),
      sentiment: round3((sentiment[2] as number) - (sentiment[0] as number)),
      sentimentLabel,
      urgency,
      entities,
      pii: input.visibility === 'private' ? [] : findPii(entities),
      scores: {
        complaint: round3(complaintScore),
        actionable: score,
        ...scoreTable('kind', messageKinds, kinds),
        ...scoreTable('category', models.category.labels, categories),
        ...scoreTable('sentiment', sentimentLabels, sentiment),
      },
      confidence: round3(kindConfidence),
      explanation: explain(kind, kindConfidence, words, input, urgency),
      model: version,
    };
  };
  return { name: version, triage, classify: async (input) => triage(input) };
};
