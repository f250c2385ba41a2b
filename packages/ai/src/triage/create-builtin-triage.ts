import {
  type Classifier,
  type MessageKind,
  messageKinds,
  type SentimentLabel,
  type Triage,
  type TriageInput,
} from '@ascolta/core';
import { extractEntities, findPii } from '../entities/extract-entities.ts';
import { createFeatureScratch, hashFeatures } from '../features/extract-features.ts';
import { createLanguageDetector, loadLanguageTable, supportedLanguages } from '../language/detect-language.ts';
import type { LanguageTable } from '../language/language-table.ts';
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

// An Italian post's sentiment is the mean of the multilingual model and the Italian head: the share
// was chosen by 5-fold cross-validation on the Italian train tweets (0.58 → 0.615 macro-F1 there).
const italianHeadShare = 0.5;

const blendInPlace = (into: Float64Array, other: Float64Array, share: number): void => {
  for (let k = 0; k < into.length; k += 1) into[k] = (1 - share) * (into[k] as number) + share * (other[k] as number);
};

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** `prefix.label` → probability, written into `scores` (keys built once, not per post). */
const scoreWriter = (prefix: string, labels: readonly string[]) => {
  const keys = labels.map((label) => `${prefix}.${label}`);
  return (scores: Record<string, number>, probabilities: Float64Array): void => {
    for (let k = 0; k < keys.length; k += 1) scores[keys[k] as string] = round3(probabilities[k] as number);
  };
};

const complaintIndex = messageKinds.indexOf('complaint');
const questionIndex = messageKinds.indexOf('question');
const requestIndex = messageKinds.indexOf('request');

/**
 * A complaint reports dissatisfaction with a product or service: both what it is (the kind model)
 * and how it feels (the sentiment model) must say so, hence the geometric mean of the two.
 */
const complaintScoreOf = (kinds: Float64Array, sentiment: Float64Array): number =>
  Math.sqrt((kinds[complaintIndex] as number) * (sentiment[0] as number));

/** Kind from the kind model, kept consistent with the dedicated complaint detector. */
const decideKind = (kindProbabilities: Float64Array, complaintScore: number): MessageKind => {
  let best = 0;
  let second = -1;
  for (let k = 1; k < kindProbabilities.length; k += 1) {
    if ((kindProbabilities[k] as number) > (kindProbabilities[best] as number)) {
      second = best;
      best = k;
    } else if (second < 0 || (kindProbabilities[k] as number) > (kindProbabilities[second] as number)) second = k;
  }
  const bestKind = messageKinds[best] ?? 'other';
  if (complaintScore >= 0.5) return bestKind === 'request' || bestKind === 'spam' ? bestKind : 'complaint';
  return bestKind === 'complaint' ? (messageKinds[second] ?? 'other') : bestKind;
};

// `other` is the catch-all: a specific category this likely is the better routing answer.
const specificCategoryFloor = 0.3;

const pickCategory = (labels: readonly string[], probabilities: Float64Array, allowed?: readonly string[]) => {
  let best = -1;
  let second = -1;
  for (let k = 0; k < labels.length; k += 1) {
    if (allowed !== undefined && !allowed.includes(labels[k] as string)) continue;
    if (best < 0 || (probabilities[k] as number) > (probabilities[best] as number)) {
      second = best;
      best = k;
    } else if (second < 0 || (probabilities[k] as number) > (probabilities[second] as number)) second = k;
  }
  if (best < 0) return { category: 'other', confidence: 0 };
  // `other` means none of the specific ones: it needs to be likelier than all of them together too.
  const pick =
    labels[best] === 'other' &&
    second >= 0 &&
    ((probabilities[second] as number) >= specificCategoryFloor || (probabilities[best] as number) < 0.5)
      ? second
      : best;
  return { category: labels[pick] as string, confidence: probabilities[pick] as number };
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
  const askingScore = (kinds[questionIndex] as number) + (kinds[requestIndex] as number);
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

export const createBuiltinTriage = (
  models: BuiltinModels,
  version: string,
  languageTable: LanguageTable = loadLanguageTable(),
): BuiltinTriage => {
  const detectLanguage = createLanguageDetector(supportedLanguages, languageTable);
  // The spec the models were trained with, read from their files, not from the current code.
  const spec = models.kind.spec;
  const fused = fuseModels([models.sentiment, models.kind, models.category, models['sentiment-it']]);
  const scratch = createFeatureScratch();
  const writeKindScores = scoreWriter('kind', messageKinds);
  const writeCategoryScores = scoreWriter('category', models.category.labels);
  const writeSentimentScores = scoreWriter('sentiment', sentimentLabels);
  const triage = (input: TriageInput): Triage => {
    const { language, confidence: languageConfidence } = detectLanguage(input.text, input.languageHint);
    hashFeatures(input.text, spec, scratch);
    const [sentiment, kinds, categories, italianSentiment] = fused.predictHashed(scratch) as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    if (language === 'it') blendInPlace(sentiment, italianSentiment, italianHeadShare);
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
    const scores: Record<string, number> = { complaint: round3(complaintScore), actionable: score };
    writeKindScores(scores, kinds);
    writeCategoryScores(scores, categories);
    writeSentimentScores(scores, sentiment);
    const words = decisiveWords(fused, 1, spec, scratch.tokens, messageKinds.indexOf(kind));
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
      scores,
      confidence: round3(kindConfidence),
      explanation: explain(kind, kindConfidence, words, input, urgency),
      model: version,
    };
  };
  return { name: version, triage, classify: async (input) => triage(input) };
};
