import type { FeatureScratch, SparseFeatures } from '../features/extract-features.ts';
import { type LinearModel, softmaxInPlace } from './linear-model.ts';

/**
 * Several models over one feature space, scored in one pass. A bucket's row holds every model's
 * idf and its idf × weight per label, one byte each: a feature costs one memory fetch for all the
 * models together. Only buckets some model saw have a row; a bitmap with running counts (64 KB for
 * 2^18 buckets, so it stays in cache) says whether a bucket has one and which. Memory, not
 * arithmetic, is what a post costs here, so the table is kept as small as it can be.
 */
export interface FusedModels {
  /** Probabilities per model, in the order the models were given. */
  predict(features: SparseFeatures): Float64Array[];
  /** The same from the raw buckets of `hashFeatures` (duplicates counted here, no sorting). */
  predictHashed(scratch: FeatureScratch): Float64Array[];
  /**
   * How much one bucket pushes model `m` towards `label` rather than its other labels (idf ×
   * weight, minus the mean of the others); 0 for a bucket the model never saw. For explanations.
   */
  push(bucket: number, m: number, label: number): number;
}

// Where the prefetching loads go, so the compiler cannot drop them.
let _sink = 0;

const popcount = (word: number): number => {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
};

// 1 + ln(count), the sublinear term frequency, for the counts a post can have.
const maxCount = 65_535;
const sublinearTf = Float64Array.from({ length: 256 }, (_, count) => (count === 0 ? 0 : 1 + Math.log(count)));
const tfOf = (count: number): number => (count < 256 ? (sublinearTf[count] as number) : 1 + Math.log(count));

export const fuseModels = (models: readonly LinearModel[]): FusedModels => {
  const first = models[0];
  if (first === undefined) throw new Error('fuseModels needs at least one model');
  const modelCount = models.length;
  const dims = 2 ** first.spec.dimsLog2;
  const labelCounts = Int32Array.from(models, (model) => model.labels.length);
  const labelOffsets = new Int32Array(modelCount);
  let columns = 0;
  for (let m = 0; m < modelCount; m += 1) {
    labelOffsets[m] = columns;
    columns += labelCounts[m] as number;
  }
  // Pairs of (32 bits of presence, rows before this word): rowOf(bucket) is a popcount away.
  const presence = new Uint32Array((dims / 32) * 2);
  for (const model of models) {
    for (let bucket = 0; bucket < dims; bucket += 1) {
      if ((model.rowOfBucket[bucket] as number) < 0) continue;
      const at = (bucket >>> 5) * 2;
      presence[at] = (presence[at] as number) | (1 << (bucket & 31));
    }
  }
  let rowCount = 0;
  for (let word = 0; word < dims / 32; word += 1) {
    presence[word * 2 + 1] = rowCount;
    rowCount += popcount(presence[word * 2] as number);
  }
  const rowOf = (bucket: number): number => {
    const at = (bucket >>> 5) * 2;
    const bits = presence[at] as number;
    const bit = 1 << (bucket & 31);
    if ((bits & bit) === 0) return -1;
    return (presence[at + 1] as number) + popcount(bits & (bit - 1));
  };
  // Row layout: [idf of each model][idf × weight of each label of each model].
  const stride = modelCount + columns;
  const table = new Uint8Array(rowCount * stride);
  const signed = new Int8Array(table.buffer);
  const idfScales = Float64Array.from(models, (model) => model.idf.reduce((max, idf) => Math.max(max, idf), 0) / 255);
  const columnScales = new Float64Array(columns);
  models.forEach((model, m) => {
    const labels = labelCounts[m] as number;
    const offset = labelOffsets[m] as number;
    for (let row = 0; row < model.idf.length; row += 1) {
      for (let k = 0; k < labels; k += 1) {
        const scaled = Math.abs((model.weights[row * labels + k] as number) * (model.idf[row] as number)) / 127;
        if (scaled > (columnScales[offset + k] as number)) columnScales[offset + k] = scaled;
      }
    }
  });
  models.forEach((model, m) => {
    const labels = labelCounts[m] as number;
    const offset = labelOffsets[m] as number;
    for (let bucket = 0; bucket < dims; bucket += 1) {
      const own = model.rowOfBucket[bucket] as number;
      if (own < 0) continue;
      const idf = model.idf[own] as number;
      const base = rowOf(bucket) * stride;
      table[base + m] = Math.round(idf / (idfScales[m] as number));
      for (let k = 0; k < labels; k += 1) {
        const scale = columnScales[offset + k] as number;
        signed[base + modelCount + offset + k] =
          scale > 0 ? Math.round(((model.weights[own * labels + k] as number) * idf) / scale) : 0;
      }
    }
  });
  // Scratch state of one prediction, reused: a prediction allocates only its result arrays.
  const sums = new Float64Array(columns);
  const squares = new Float64Array(modelCount);
  // A small open-addressing set counts a post's buckets: it stays in the fastest cache, where a
  // count per bucket of the whole space would not.
  let slotBuckets = new Int32Array(1024).fill(-1);
  let slotCounts = new Uint16Array(1024);
  let usedSlots = new Int32Array(512);
  let foundRows = new Int32Array(512);
  let foundCounts = new Uint16Array(512);
  const accumulate = (bucket: number, tf: number): void => {
    const row = rowOf(bucket);
    if (row >= 0) accumulateRow(row, tf);
  };
  const accumulateRow = (row: number, tf: number): void => {
    const base = row * stride;
    for (let m = 0; m < modelCount; m += 1) {
      const value = tf * (table[base + m] as number);
      squares[m] = (squares[m] as number) + value * value;
    }
    const weights = base + modelCount;
    for (let k = 0; k < columns; k += 1) sums[k] = (sums[k] as number) + tf * (signed[weights + k] as number);
  };
  const finish = (): Float64Array[] => {
    const out: Float64Array[] = [];
    for (let m = 0; m < modelCount; m += 1) {
      const model = models[m] as LinearModel;
      const squared = (squares[m] as number) * (idfScales[m] as number) * (idfScales[m] as number);
      const norm = squared > 0 ? 1 / Math.sqrt(squared) : 0;
      const offset = labelOffsets[m] as number;
      const probabilities = new Float64Array(labelCounts[m] as number);
      for (let k = 0; k < probabilities.length; k += 1)
        probabilities[k] =
          (model.bias[k] as number) + (sums[offset + k] as number) * (columnScales[offset + k] as number) * norm;
      softmaxInPlace(probabilities);
      out.push(probabilities);
    }
    sums.fill(0);
    squares.fill(0);
    return out;
  };
  const predict = (features: SparseFeatures): Float64Array[] => {
    for (let i = 0; i < features.indices.length; i += 1)
      accumulate(features.indices[i] as number, tfOf(features.counts[i] as number));
    return finish();
  };
  const predictHashed = (scratch: FeatureScratch): Float64Array[] => {
    const { buckets, size } = scratch;
    if (slotBuckets.length < size * 2) {
      let capacity = slotBuckets.length;
      while (capacity < size * 2) capacity *= 2;
      slotBuckets = new Int32Array(capacity).fill(-1);
      slotCounts = new Uint16Array(capacity);
      usedSlots = new Int32Array(capacity);
      foundRows = new Int32Array(capacity);
      foundCounts = new Uint16Array(capacity);
    }
    const mask = slotBuckets.length - 1;
    let distinct = 0;
    for (let i = 0; i < size; i += 1) {
      const bucket = buckets[i] as number;
      let slot = (Math.imul(bucket, 0x9e3779b1) >>> 0) & mask;
      for (;;) {
        const held = slotBuckets[slot] as number;
        if (held === bucket) {
          const count = slotCounts[slot] as number;
          if (count < maxCount) slotCounts[slot] = count + 1;
          break;
        }
        if (held === -1) {
          slotBuckets[slot] = bucket;
          slotCounts[slot] = 1;
          usedSlots[distinct++] = slot;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    // First the rows, touching the first and last byte of each: a tight loop of independent loads
    // lets the processor fetch many rows from memory at once (JavaScript has no prefetch), so the
    // arithmetic below finds them in cache instead of waiting for each in turn.
    let found = 0;
    let touched = 0;
    for (let i = 0; i < distinct; i += 1) {
      const slot = usedSlots[i] as number;
      const row = rowOf(slotBuckets[slot] as number);
      slotBuckets[slot] = -1;
      if (row < 0) continue;
      touched ^= (table[row * stride] as number) ^ (table[row * stride + stride - 1] as number);
      foundRows[found] = row;
      foundCounts[found] = slotCounts[slot] as number;
      found += 1;
    }
    for (let i = 0; i < found; i += 1) accumulateRow(foundRows[i] as number, tfOf(foundCounts[i] as number));
    _sink = touched;
    return finish();
  };
  const push = (bucket: number, m: number, label: number): number => {
    const offset = labelOffsets[m] as number;
    const labels = labelCounts[m] as number;
    const row = rowOf(bucket);
    if (row < 0) return 0;
    const at = row * stride + modelCount + offset;
    let others = 0;
    for (let k = 0; k < labels; k += 1)
      if (k !== label) others += (signed[at + k] as number) * (columnScales[offset + k] as number);
    return (signed[at + label] as number) * (columnScales[offset + label] as number) - others / (labels - 1);
  };
  return { predict, predictHashed, push };
};
