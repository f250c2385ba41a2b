import type { FeatureSpec, SparseFeatures } from '../features/extract-features.ts';

/**
 * A softmax (multinomial logistic) classifier over hashed features. Only the buckets seen in
 * training have a row, so a model with a large hash space stays small.
 */
export interface LinearModel {
  labels: readonly string[];
  spec: FeatureSpec;
  /** Bucket → row, -1 for a bucket the model never saw. Length 2^spec.dimsLog2. */
  rowOfBucket: Int32Array;
  /** Inverse document frequency of each row. */
  idf: Float32Array;
  /** rows × labels, row-major. */
  weights: Float32Array;
  bias: Float32Array;
}

/** Sublinear tf × idf, L2-normalised: the weighting the model was trained with. */
export const weighFeatures = (
  model: Pick<LinearModel, 'rowOfBucket' | 'idf'>,
  features: SparseFeatures,
): { rows: Int32Array; values: Float32Array } => {
  const rows = new Int32Array(features.indices.length);
  const values = new Float32Array(features.indices.length);
  let size = 0;
  let squares = 0;
  for (let i = 0; i < features.indices.length; i += 1) {
    const row = model.rowOfBucket[features.indices[i] as number] as number;
    if (row < 0) continue;
    const value = (1 + Math.log(features.counts[i] as number)) * (model.idf[row] as number);
    rows[size] = row;
    values[size] = value;
    squares += value * value;
    size += 1;
  }
  const norm = squares > 0 ? 1 / Math.sqrt(squares) : 0;
  for (let i = 0; i < size; i += 1) values[i] = (values[i] as number) * norm;
  return { rows: rows.subarray(0, size), values: values.subarray(0, size) };
};

/** Raw scores (logits) of every label, written into `out`. */
export const scoreRows = (
  model: Pick<LinearModel, 'weights' | 'bias'>,
  labelCount: number,
  rows: Int32Array,
  values: Float32Array,
  out: Float64Array,
): void => {
  for (let k = 0; k < labelCount; k += 1) out[k] = model.bias[k] as number;
  for (let i = 0; i < rows.length; i += 1) {
    const offset = (rows[i] as number) * labelCount;
    const value = values[i] as number;
    for (let k = 0; k < labelCount; k += 1) out[k] = (out[k] as number) + value * (model.weights[offset + k] as number);
  }
};

export const softmaxInPlace = (scores: Float64Array): void => {
  let max = Number.NEGATIVE_INFINITY;
  for (const score of scores) max = Math.max(max, score);
  let total = 0;
  for (let k = 0; k < scores.length; k += 1) {
    const exp = Math.exp((scores[k] as number) - max);
    scores[k] = exp;
    total += exp;
  }
  for (let k = 0; k < scores.length; k += 1) scores[k] = (scores[k] as number) / total;
};

/** Probability of each label, in the order of `model.labels`. */
export const predictProbabilities = (model: LinearModel, features: SparseFeatures): Float64Array => {
  const { rows, values } = weighFeatures(model, features);
  const probabilities = new Float64Array(model.labels.length);
  scoreRows(model, model.labels.length, rows, values, probabilities);
  softmaxInPlace(probabilities);
  return probabilities;
};

export const argmax = (values: ArrayLike<number>): number => {
  let best = 0;
  for (let i = 1; i < values.length; i += 1) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
};
