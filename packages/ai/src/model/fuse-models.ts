import type { SparseFeatures } from '../features/extract-features.ts';
import { type LinearModel, softmaxInPlace } from './linear-model.ts';

/**
 * Several models over one feature space, scored in one pass. Each bucket's idf and weights for
 * every model sit side by side, so a post costs one memory fetch per feature instead of one per
 * feature per model.
 */
export interface FusedModels {
  /** Probabilities per model, in the order the models were given. */
  predict(features: SparseFeatures): Float64Array[];
}

export const fuseModels = (models: readonly LinearModel[]): FusedModels => {
  const first = models[0];
  if (first === undefined) throw new Error('fuseModels needs at least one model');
  const dims = 2 ** first.spec.dimsLog2;
  const labelCounts = models.map((model) => model.labels.length);
  const labelOffsets = labelCounts.map((_, m) => models.length + labelCounts.slice(0, m).reduce((a, b) => a + b, 0));
  const stride = models.length + labelCounts.reduce((a, b) => a + b, 0);
  const rowOfBucket = new Int32Array(dims).fill(-1);
  let rowCount = 0;
  for (const model of models) {
    for (let bucket = 0; bucket < dims; bucket += 1) {
      if ((model.rowOfBucket[bucket] as number) >= 0) rowOfBucket[bucket] = 0;
    }
  }
  for (let bucket = 0; bucket < dims; bucket += 1) if (rowOfBucket[bucket] === 0) rowOfBucket[bucket] = rowCount++;
  // One byte per idf and per weight: a row is 21 bytes, so the whole table stays in cache.
  const packed = new Uint8Array(rowCount * stride);
  const signed = new Int8Array(packed.buffer);
  const idfScales = models.map((model) => model.idf.reduce((max, idf) => Math.max(max, idf), 0) / 255);
  const weightScales = new Float64Array(stride);
  models.forEach((model, m) => {
    const labels = labelCounts[m] as number;
    const offset = labelOffsets[m] as number;
    for (let at = 0; at < model.weights.length; at += labels) {
      for (let k = 0; k < labels; k += 1) {
        const scaled = Math.abs(model.weights[at + k] as number) / 127;
        if (scaled > (weightScales[offset + k] as number)) weightScales[offset + k] = scaled;
      }
    }
  });
  for (let bucket = 0; bucket < dims; bucket += 1) {
    const row = rowOfBucket[bucket] as number;
    if (row < 0) continue;
    models.forEach((model, m) => {
      const own = model.rowOfBucket[bucket] as number;
      if (own < 0) return;
      const labels = labelCounts[m] as number;
      packed[row * stride + m] = Math.round((model.idf[own] as number) / (idfScales[m] as number));
      const offset = labelOffsets[m] as number;
      for (let k = 0; k < labels; k += 1) {
        const scale = weightScales[offset + k] as number;
        signed[row * stride + offset + k] =
          scale > 0 ? Math.round((model.weights[own * labels + k] as number) / scale) : 0;
      }
    });
  }
  const predict = (features: SparseFeatures): Float64Array[] => {
    const sums = new Float64Array(stride);
    const squares = new Float64Array(models.length);
    for (let i = 0; i < features.indices.length; i += 1) {
      const row = rowOfBucket[features.indices[i] as number] as number;
      if (row < 0) continue;
      const tf = 1 + Math.log(features.counts[i] as number);
      const base = row * stride;
      for (let m = 0; m < models.length; m += 1) {
        const value = tf * (packed[base + m] as number) * (idfScales[m] as number);
        squares[m] = (squares[m] as number) + value * value;
        const offset = labelOffsets[m] as number;
        const end = offset + (labelCounts[m] as number);
        for (let at = offset; at < end; at += 1)
          sums[at] = (sums[at] as number) + value * (signed[base + at] as number);
      }
    }
    return models.map((model, m) => {
      const norm = (squares[m] as number) > 0 ? 1 / Math.sqrt(squares[m] as number) : 0;
      const offset = labelOffsets[m] as number;
      const probabilities = Float64Array.from(
        model.bias,
        (bias, k) => bias + (sums[offset + k] as number) * (weightScales[offset + k] as number) * norm,
      );
      softmaxInPlace(probabilities);
      return probabilities;
    });
  };
  return { predict };
};
