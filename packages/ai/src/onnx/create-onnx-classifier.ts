import { basename, resolve } from 'node:path';
import {
  type Classifier,
  DomainError,
  defaultCategories,
  type MessageKind,
  messageKinds,
  type Triage,
  type TriageInput,
} from '@ascolta/core';
import { importTransformers, type LabelScore, type TextClassificationPipeline } from './import-transformers.ts';
import { defaultOnnxLabelTarget, type OnnxLabelMapping, type OnnxLabelTarget } from './onnx-label-mapping.ts';
import { type OnnxModelFolder, readOnnxModelFolder } from './read-onnx-model-folder.ts';

export interface OnnxClassifierOptions {
  /** A text-classification model exported to ONNX (Optimum, or a Transformers.js repository), on local disk. */
  modelDir: string;
  /** What each model label decides; labels named after a kind, `actionable` or `not-actionable` map themselves. */
  labels?: OnnxLabelMapping;
  /** After this the built-in answer is used; a slow model must never hold up the pipeline. */
  timeoutMs: number;
  /** Gives language, entities, personal data, urgency and whatever the model's labels do not decide. */
  fallback: Classifier;
  /** Which package to load; tests point it at a missing one. */
  transformersPackage?: string;
}

const actionableKinds: ReadonlySet<MessageKind> = new Set(['complaint', 'question', 'request']);

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Triage by a transformer classifier in an operator's local ONNX model folder, off by default. The model
 * decides what its labels say (kind, actionable or category); the built-in triage gives everything else, and
 * the whole answer when inference fails or takes longer than `timeoutMs`. Nothing is downloaded, ever.
 * Rejects at start-up when the folder misses files or no label maps to an output.
 */
export const createOnnxClassifier = async (options: OnnxClassifierOptions): Promise<Classifier> => {
  const folder = readOnnxModelFolder(resolve(options.modelDir));
  const targets = resolveTargets(folder, options.labels ?? {});
  const classifyText = await loadPipeline(folder, options.transformersPackage);
  const name = `onnx:${basename(folder.dir)}`;
  return {
    name,
    async classify(input) {
      const base = await options.fallback.classify(input);
      try {
        const scores = await withTimeout(classifyText(input.text, { top_k: null }), options.timeoutMs);
        return decide(base, input, scores, targets, name);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ...base, explanation: [...base.explanation, `onnx unavailable (${reason}); built-in triage used`] };
      }
    },
  };
};

const resolveTargets = (folder: OnnxModelFolder, mapping: OnnxLabelMapping): ReadonlyMap<string, OnnxLabelTarget> => {
  const unknown = Object.keys(mapping).filter((label) => !folder.labels.includes(label));
  const known = `the model's labels are ${folder.labels.join(', ')}`;
  if (unknown.length > 0) {
    throw new DomainError('invalid-input', `the label mapping names ${unknown.join(', ')}, which ${known}`);
  }
  const targets = new Map<string, OnnxLabelTarget>();
  for (const label of folder.labels) {
    const target = mapping[label] ?? defaultOnnxLabelTarget(label);
    if (target !== null) targets.set(label, target);
  }
  if (![...targets.values()].some((target) => target.head !== 'none')) {
    throw new DomainError(
      'invalid-input',
      `no label of the ONNX model maps to a triage output (${known}): give a label mapping`,
    );
  }
  return targets;
};

const loadPipeline = async (folder: OnnxModelFolder, specifier?: string): Promise<TextClassificationPipeline> => {
  const transformers = await importTransformers(specifier);
  // Offline by construction: a file missing locally is an error, never a download.
  transformers.env.allowRemoteModels = false;
  transformers.env.allowLocalModels = true;
  transformers.env.localModelPath = folder.dir;
  try {
    return await transformers.pipeline('text-classification', folder.dir, {
      device: 'cpu',
      dtype: 'fp32',
      local_files_only: true,
      subfolder: folder.subfolder,
      use_external_data_format: folder.hasExternalData,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DomainError('invalid-input', `cannot load the ONNX model in ${folder.dir}: ${reason}`);
  }
};

const withTimeout = <T>(work: Promise<T>, timeoutMs: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
};

const probabilityOf = (scores: readonly LabelScore[], targets: ReadonlyMap<string, OnnxLabelTarget>) => {
  return (matches: (target: OnnxLabelTarget) => boolean): number =>
    scores.reduce((total, { label, score }) => {
      const target = targets.get(label);
      return target !== undefined && matches(target) ? total + score : total;
    }, 0);
};

/** The model is authoritative over the kinds it has labels for: when it says "none of those", a built-in kind it covers is dropped. */
const kindOf = (base: Triage, winner: OnnxLabelTarget | undefined, coveredKinds: ReadonlySet<MessageKind>) => {
  if (winner?.head === 'kind') return winner.kind;
  if (!coveredKinds.has(base.kind)) return base.kind;
  const uncovered = messageKinds
    .filter((kind) => !coveredKinds.has(kind))
    .sort((a, b) => (base.scores[`kind.${b}`] ?? 0) - (base.scores[`kind.${a}`] ?? 0));
  return uncovered[0] ?? 'other';
};

interface ModelAnswer {
  scores: readonly LabelScore[];
  best: LabelScore;
  winner: OnnxLabelTarget | undefined;
  targets: ReadonlyMap<string, OnnxLabelTarget>;
}

/**
 * Actionable as the built-in triage decides it (an actionable kind, an urgency cue or a negative reply to the
 * brand), with the model's actionable label in place of the kind when it has one. The score agrees with the
 * decision, so a threshold of 0.5 on it reproduces `actionable`.
 */
const actionabilityOf = (base: Triage, input: TriageInput, kind: MessageKind, answer: ModelAnswer) => {
  const probability = probabilityOf(answer.scores, answer.targets);
  const heads = new Set([...answer.targets.values()].map((target) => target.head));
  if (!heads.has('actionable') && kind === base.kind) {
    return { actionable: base.actionable, score: base.scores.actionable ?? (base.actionable ? 1 : 0) };
  }
  const modelSays = heads.has('actionable')
    ? answer.winner?.head === 'actionable' && answer.winner.actionable
    : actionableKinds.has(kind);
  const score = heads.has('actionable')
    ? probability((target) => target.head === 'actionable' && target.actionable)
    : probability((target) => target.head === 'kind' && actionableKinds.has(target.kind));
  const isNegativeReplyToBrand = input.isReplyToBrand === true && base.sentimentLabel === 'negative';
  const actionable = modelSays || base.urgency.length > 0 || isNegativeReplyToBrand;
  return { actionable, score: round3(actionable ? Math.max(score, 0.5) : Math.min(score, 0.499)) };
};

const categoryOf = (base: Triage, input: TriageInput, answer: ModelAnswer) => {
  const { winner, best } = answer;
  return winner?.head === 'category' && (input.categories ?? defaultCategories).includes(winner.category)
    ? { category: winner.category, categoryConfidence: round3(best.score) }
    : { category: base.category, categoryConfidence: base.categoryConfidence };
};

const decide = (
  base: Triage,
  input: TriageInput,
  scores: readonly LabelScore[],
  targets: ReadonlyMap<string, OnnxLabelTarget>,
  name: string,
): Triage => {
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
  const answer: ModelAnswer = { scores, best, winner: targets.get(best.label), targets };
  const coveredKinds = new Set(
    [...targets.values()].flatMap((target) => (target.head === 'kind' ? [target.kind] : [])),
  );
  const kind = kindOf(base, answer.winner, coveredKinds);
  const { actionable, score } = actionabilityOf(base, input, kind, answer);
  const complaint = probabilityOf(scores, targets)((target) => target.head === 'kind' && target.kind === 'complaint');
  const decidesKind = answer.winner?.head === 'kind';
  return {
    ...base,
    kind,
    actionable,
    ...categoryOf(base, input, answer),
    scores: {
      ...base.scores,
      ...Object.fromEntries(scores.map(({ label, score: p }) => [`onnx.${label}`, round3(p)])),
      ...(coveredKinds.has('complaint') ? { complaint: round3(complaint) } : {}),
      actionable: score,
    },
    confidence: decidesKind ? round3(best.score) : base.confidence,
    // The built-in first line explains its kind, which the model replaced when it decided one.
    explanation: [`${best.label} (${round3(best.score)}) by ${name}`, ...base.explanation.slice(decidesKind ? 1 : 0)],
    model: name,
  };
};
