import type { FeatureSpec, SparseFeatures } from '../features/extract-features.ts';
import { type LinearModel, scoreRows, softmaxInPlace, weighFeatures } from './linear-model.ts';

export interface TrainingExample {
  features: SparseFeatures;
  /** Index into the label list. */
  label: number;
  /** Relative importance; 1 unless a source should count more or less. */
  weight?: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update, applied lazily to the rows an example touches. */
  l2: number;
  /** A bucket needs this many training documents to get a row. */
  minDocumentCount: number;
  /** Weigh classes inversely to their frequency, so a rare label is not ignored. */
  balanceClasses: boolean;
  seed: number;
}

export const defaultTrainingOptions: TrainingOptions = {
  epochs: 12,
  learningRate: 0.5,
  l2: 1e-6,
  minDocumentCount: 2,
  balanceClasses: true,
  seed: 7,
};

/** Deterministic pseudo-random numbers (mulberry32): same seed, same model, on every machine. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const shuffleInPlace = <T>(items: T[], random: () => number): T[] => {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
};

const buildVocabulary = (examples: readonly TrainingExample[], spec: FeatureSpec, minDocumentCount: number) => {
  const documentCount = new Int32Array(2 ** spec.dimsLog2);
  for (const example of examples) {
    for (const bucket of example.features.indices) documentCount[bucket] = (documentCount[bucket] as number) + 1;
  }
  const rowOfBucket = new Int32Array(documentCount.length).fill(-1);
  const idfValues: number[] = [];
  for (let bucket = 0; bucket < documentCount.length; bucket += 1) {
    const count = documentCount[bucket] as number;
    if (count < minDocumentCount) continue;
    rowOfBucket[bucket] = idfValues.length;
    idfValues.push(Math.log((1 + examples.length) / (1 + count)) + 1);
  }
  return { rowOfBucket, idf: Float32Array.from(idfValues) };
};

const classWeights = (examples: readonly TrainingExample[], labelCount: number, balance: boolean): Float64Array => {
  const weights = new Float64Array(labelCount).fill(1);
  if (!balance) return weights;
  const counts = new Float64Array(labelCount);
  for (const example of examples) counts[example.label] = (counts[example.label] as number) + (example.weight ?? 1);
  const total = counts.reduce((sum, count) => sum + count, 0);
  for (let k = 0; k < labelCount; k += 1) {
    const count = counts[k] as number;
    weights[k] = count > 0 ? total / (labelCount * count) : 0;
  }
  return weights;
};

/** Softmax regression with AdaGrad, examples visited in a seeded order. */
export const trainLinearModel = (
  examples: readonly TrainingExample[],
  labels: readonly string[],
  spec: FeatureSpec,
  options: TrainingOptions = defaultTrainingOptions,
): LinearModel => {
  const labelCount = labels.length;
  const { rowOfBucket, idf } = buildVocabulary(examples, spec, options.minDocumentCount);
  const weights = new Float32Array(idf.length * labelCount);
  const bias = new Float32Array(labelCount);
  const model: LinearModel = { labels, spec, rowOfBucket, idf, weights, bias };
  const weighed = examples.map((example) => weighFeatures(model, example.features));
  const perClass = classWeights(examples, labelCount, options.balanceClasses);
  const squaredGradients = new Float32Array(weights.length).fill(1e-6);
  const biasSquaredGradients = new Float64Array(labelCount).fill(1e-6);
  const order = examples.map((_, index) => index);
  const random = seededRandom(options.seed);
  const probabilities = new Float64Array(labelCount);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const index of shuffleInPlace(order, random)) {
      const example = examples[index] as TrainingExample;
      const { rows, values } = weighed[index] as { rows: Int32Array; values: Float32Array };
      scoreRows(model, labelCount, rows, values, probabilities);
      softmaxInPlace(probabilities);
      const scale = (example.weight ?? 1) * (perClass[example.label] as number);
      for (let k = 0; k < labelCount; k += 1) {
        const gradient = ((probabilities[k] as number) - (k === example.label ? 1 : 0)) * scale;
        probabilities[k] = gradient;
        biasSquaredGradients[k] = (biasSquaredGradients[k] as number) + gradient * gradient;
        bias[k] =
          (bias[k] as number) - (options.learningRate * gradient) / Math.sqrt(biasSquaredGradients[k] as number);
      }
      for (let i = 0; i < rows.length; i += 1) {
        const offset = (rows[i] as number) * labelCount;
        const value = values[i] as number;
        for (let k = 0; k < labelCount; k += 1) {
          const at = offset + k;
          const gradient = (probabilities[k] as number) * value + options.l2 * (weights[at] as number);
          squaredGradients[at] = (squaredGradients[at] as number) + gradient * gradient;
          weights[at] =
            (weights[at] as number) - (options.learningRate * gradient) / Math.sqrt(squaredGradients[at] as number);
        }
      }
    }
  }
  return model;
};
