import type { SparseVector } from './sparse-vocabulary.ts';
import { seededRandom } from './train-linear-model.ts';

export interface SvmOptions {
  /** Inverse regularisation strength (liblinear's C). */
  c: number;
  /** Passes of dual coordinate descent at most. */
  maxPasses: number;
  /** Stops a class once its projected gradients span less than this. */
  tolerance: number;
  seed: number;
}

export const defaultSvmOptions: SvmOptions = { c: 1, maxPasses: 50, tolerance: 0.1, seed: 7 };

export interface LinearWeights {
  /** columns × labels, row-major. */
  weights: Float32Array;
  bias: Float32Array;
}

/** A constant feature of this value carries the bias, regularised with the weights as liblinear does. */
const biasFeature = 1;

/**
 * One binary L2-regularised squared-hinge SVM by dual coordinate descent (Hsieh et al. 2008, the
 * algorithm of liblinear's `-s 1`): for each example in a seeded order, the exact minimiser of the
 * dual along that example's coordinate. Deterministic and needs no learning rate.
 */
const trainBinarySvm = (
  vectors: readonly SparseVector[],
  signs: Int8Array,
  costs: Float64Array,
  columnCount: number,
  options: SvmOptions,
): { w: Float64Array; b: number } => {
  const w = new Float64Array(columnCount);
  let b = 0;
  const n = vectors.length;
  const alpha = new Float64Array(n);
  const diagonal = Float64Array.from(costs, (cost) => 1 / (2 * cost));
  const squaredNorms = Float64Array.from(vectors, (vector, i) => {
    let sum = biasFeature * biasFeature;
    for (const value of vector.values) sum += value * value;
    return sum + (diagonal[i] as number);
  });
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(options.seed);
  // Shrinking as in liblinear: an example at alpha 0 whose gradient exceeds last pass's largest
  // projected gradient is set aside (it will stay at 0); once the rest converge, all are checked again.
  let activeSize = n;
  let previousMax = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < options.maxPasses; pass += 1) {
    let maxGradient = Number.NEGATIVE_INFINITY;
    let minGradient = Number.POSITIVE_INFINITY;
    for (let s = activeSize - 1; s > 0; s -= 1) {
      const t = Math.floor(random() * (s + 1));
      [order[s], order[t]] = [order[t] as number, order[s] as number];
    }
    for (let s = 0; s < activeSize; s += 1) {
      const i = order[s] as number;
      const { columns, values } = vectors[i] as SparseVector;
      const y = signs[i] as number;
      let margin = b * biasFeature;
      for (let j = 0; j < columns.length; j += 1) margin += (w[columns[j] as number] as number) * (values[j] as number);
      const a = alpha[i] as number;
      const gradient = y * margin - 1 + (diagonal[i] as number) * a;
      if (a === 0 && gradient > previousMax) {
        activeSize -= 1;
        [order[s], order[activeSize]] = [order[activeSize] as number, i];
        s -= 1;
        continue;
      }
      const projected = a === 0 ? Math.min(gradient, 0) : gradient;
      maxGradient = Math.max(maxGradient, projected);
      minGradient = Math.min(minGradient, projected);
      if (projected === 0) continue;
      const next = Math.max(a - gradient / (squaredNorms[i] as number), 0);
      const step = (next - a) * y;
      if (step === 0) continue;
      alpha[i] = next;
      for (let j = 0; j < columns.length; j += 1) {
        const column = columns[j] as number;
        w[column] = (w[column] as number) + step * (values[j] as number);
      }
      b += step * biasFeature;
    }
    if (maxGradient - minGradient < options.tolerance) {
      if (activeSize === n) break;
      activeSize = n;
      previousMax = Number.POSITIVE_INFINITY;
      continue;
    }
    previousMax = maxGradient <= 0 ? Number.POSITIVE_INFINITY : maxGradient;
  }
  return { w, b };
};

/**
 * One-vs-rest linear SVMs over precomputed sparse vectors; `labels[i]` indexes the label list and
 * `exampleWeights[i]` multiplies the cost of example i.
 */
export const trainOneVsRestSvm = (
  vectors: readonly SparseVector[],
  labels: readonly number[],
  labelCount: number,
  columnCount: number,
  options: SvmOptions = defaultSvmOptions,
  exampleWeights?: readonly number[],
): LinearWeights => {
  const weights = new Float32Array(columnCount * labelCount);
  const bias = new Float32Array(labelCount);
  const binaryCount = labelCount === 2 ? 1 : labelCount;
  for (let k = 0; k < binaryCount; k += 1) {
    const signs = Int8Array.from(labels, (label) => (label === k ? 1 : -1));
    const costs = Float64Array.from(signs, (_, i) => options.c * (exampleWeights?.[i] ?? 1));
    const { w, b } = trainBinarySvm(vectors, signs, costs, columnCount, options);
    for (let column = 0; column < columnCount; column += 1) weights[column * labelCount + k] = w[column] as number;
    bias[k] = b;
  }
  if (binaryCount === 1) {
    // Two labels: one SVM for the first, its opposite for the second.
    for (let column = 0; column < columnCount; column += 1) weights[column * 2 + 1] = -(weights[column * 2] as number);
    bias[1] = -(bias[0] as number);
  }
  return { weights, bias };
};
