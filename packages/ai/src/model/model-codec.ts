import { z } from 'zod';
import type { LinearModel } from './linear-model.ts';

const magic = 'ASCM';
const formatVersion = 1;

const modelHeader = z.object({
  labels: z.array(z.string()).min(2),
  spec: z.object({
    dimsLog2: z.number().int().min(8).max(24),
    charMin: z.number().int(),
    charMax: z.number().int(),
    lexicon: z.boolean().optional(),
    sentimentCues: z.boolean().optional(),
  }),
  rows: z.number().int().nonnegative(),
  meta: z.record(z.string(), z.unknown()).default({}),
});
export type ModelHeader = z.infer<typeof modelHeader>;

const align4 = (offset: number): number => (offset + 3) & ~3;

/**
 * Binary model file: magic, version, JSON header, then the seen buckets (int32), idf and bias
 * (float32), one scale per label (float32) and the weights quantised to int8 per label. Int8 keeps
 * a built-in model near a megabyte; the accuracy lost is below the noise of a cross-validation.
 */
export const encodeModel = (model: LinearModel, meta: Record<string, unknown> = {}): Uint8Array => {
  const labelCount = model.labels.length;
  const rows = model.idf.length;
  const header = new TextEncoder().encode(
    JSON.stringify({ labels: [...model.labels], spec: model.spec, rows, meta } satisfies ModelHeader),
  );
  const bodyStart = align4(12 + header.length);
  const size = bodyStart + rows * 4 * 2 + labelCount * 4 * 2 + rows * labelCount;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(magic), 0);
  view.setUint32(4, formatVersion, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  const buckets = new Int32Array(rows);
  model.rowOfBucket.forEach((row, bucket) => {
    if (row >= 0) buckets[row] = bucket;
  });
  const scales = new Float32Array(labelCount);
  model.weights.forEach((weight, at) => {
    const k = at % labelCount;
    scales[k] = Math.max(scales[k] as number, Math.abs(weight) / 127);
  });
  const quantised = Int8Array.from(model.weights, (weight, at) => {
    const scale = scales[at % labelCount] as number;
    return scale > 0 ? Math.round(weight / scale) : 0;
  });
  let offset = bodyStart;
  for (const part of [buckets, model.idf, model.bias, scales, quantised]) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), offset);
    offset += part.byteLength;
  }
  return bytes;
};

const copyOut = <T>(bytes: Uint8Array, offset: number, length: number, make: (buffer: ArrayBuffer) => T): T =>
  make(bytes.slice(offset, offset + length).buffer);

export const decodeModel = (bytes: Uint8Array): { model: LinearModel; meta: Record<string, unknown> } => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== magic || view.getUint32(4, true) !== formatVersion) {
    throw new Error('not an Ascolta model file (bad magic or version)');
  }
  const headerLength = view.getUint32(8, true);
  const header = modelHeader.parse(JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))));
  const { rows, labels } = header;
  const labelCount = labels.length;
  let offset = align4(12 + headerLength);
  const take = <T>(length: number, make: (buffer: ArrayBuffer) => T): T => {
    const value = copyOut(bytes, offset, length, make);
    offset += length;
    return value;
  };
  const buckets = take(rows * 4, (buffer) => new Int32Array(buffer));
  const idf = take(rows * 4, (buffer) => new Float32Array(buffer));
  const bias = take(labelCount * 4, (buffer) => new Float32Array(buffer));
  const scales = take(labelCount * 4, (buffer) => new Float32Array(buffer));
  const quantised = take(rows * labelCount, (buffer) => new Int8Array(buffer));
  if (offset > bytes.length) throw new Error('model file is truncated');
  const rowOfBucket = new Int32Array(2 ** header.spec.dimsLog2).fill(-1);
  buckets.forEach((bucket, row) => {
    rowOfBucket[bucket] = row;
  });
  const weights = new Float32Array(quantised.length);
  for (let row = 0, at = 0; row < rows; row += 1) {
    for (let k = 0; k < labelCount; k += 1, at += 1) weights[at] = (quantised[at] as number) * (scales[k] as number);
  }
  return { model: { labels, spec: header.spec, rowOfBucket, idf, weights, bias }, meta: header.meta };
};
