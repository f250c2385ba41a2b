import { z } from 'zod';
import type { CompanyModel } from './company-model.ts';
import { decodeModel, encodeModel } from './model-codec.ts';

export const companyModelMagic = 'ASCC';
const formatVersion = 2;

const header = z.object({
  labels: z.array(z.string()).min(2),
  textSpec: z.object({
    wordMax: z.number().int().min(1),
    charMin: z.number().int().min(1),
    charMax: z.number().int().min(1),
    charScope: z.enum(['word', 'text']),
  }),
  blockWeights: z.object({ words: z.number(), chars: z.number(), hints: z.number() }),
  hintKeys: z.array(z.string()),
  wordCount: z.number().int().nonnegative(),
  charCount: z.number().int().nonnegative(),
  scoreScale: z.number().positive(),
  /** Weight and length in bytes of an embedded format-1 partner model, written after the weights. */
  partner: z
    .object({ weight: z.number().min(0).max(1), readsHints: z.boolean(), byteLength: z.number().int().positive() })
    .optional(),
  meta: z.record(z.string(), z.unknown()).default({}),
});

const align4 = (offset: number): number => (offset + 3) & ~3;

/**
 * Company model file, format 2: magic `ASCC`, version, JSON header, then the word and character
 * n-gram ids (int32) and idf (float32), the bias and one scale per label (float32), and the weights
 * quantised to int16 per label (a tenth of a percent of the largest weight: no measurable loss).
 */
export const encodeCompanyModel = (model: CompanyModel, meta: Record<string, unknown> = {}): Uint8Array => {
  const labelCount = model.labels.length;
  const partnerBytes = model.partner ? encodeModel(model.partner.model) : undefined;
  const json = new TextEncoder().encode(
    JSON.stringify({
      labels: [...model.labels],
      textSpec: model.textSpec,
      blockWeights: model.blockWeights,
      hintKeys: [...model.hintKeys],
      wordCount: model.words.ids.length,
      charCount: model.chars.ids.length,
      scoreScale: model.scoreScale,
      ...(model.partner && partnerBytes
        ? {
            partner: {
              weight: model.partner.weight,
              readsHints: model.partner.readsHints,
              byteLength: partnerBytes.length,
            },
          }
        : {}),
      meta,
    } satisfies z.infer<typeof header>),
  );
  const scales = new Float32Array(labelCount);
  model.weights.forEach((weight, at) => {
    const k = at % labelCount;
    scales[k] = Math.max(scales[k] as number, Math.abs(weight) / 32767);
  });
  const quantised = Int16Array.from(model.weights, (weight, at) => {
    const scale = scales[at % labelCount] as number;
    return scale > 0 ? Math.round(weight / scale) : 0;
  });
  const parts: ArrayBufferView[] = [
    model.words.ids,
    model.words.idf,
    model.chars.ids,
    model.chars.idf,
    model.bias,
    scales,
    quantised,
  ];
  // int16 weights may end half-way through a word; the partner starts aligned.
  const partnerPadding = partnerBytes ? align4(quantised.byteLength) - quantised.byteLength : 0;
  if (partnerBytes) parts.push(new Uint8Array(partnerPadding), partnerBytes);
  const bodyStart = align4(12 + json.length);
  const bytes = new Uint8Array(bodyStart + parts.reduce((sum, part) => sum + part.byteLength, 0));
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(companyModelMagic), 0);
  view.setUint32(4, formatVersion, true);
  view.setUint32(8, json.length, true);
  bytes.set(json, 12);
  let offset = bodyStart;
  for (const part of parts) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), offset);
    offset += part.byteLength;
  }
  return bytes;
};

export const isCompanyModelFile = (bytes: Uint8Array): boolean =>
  new TextDecoder().decode(bytes.subarray(0, 4)) === companyModelMagic;

export const decodeCompanyModel = (bytes: Uint8Array): { model: CompanyModel; meta: Record<string, unknown> } => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isCompanyModelFile(bytes)) throw new Error('not an Ascolta company model file (bad magic)');
  const version = view.getUint32(4, true);
  if (version !== formatVersion) {
    throw new Error(
      `company model format ${version} is not supported (this version reads ${formatVersion}): retrain it`,
    );
  }
  const headerLength = view.getUint32(8, true);
  const parsed = header.parse(JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))));
  const labelCount = parsed.labels.length;
  const columns = parsed.wordCount + parsed.charCount + parsed.hintKeys.length;
  let offset = align4(12 + headerLength);
  const take = (length: number): ArrayBuffer => {
    if (offset + length > bytes.length) throw new Error('company model file is truncated');
    const buffer = bytes.slice(offset, offset + length).buffer;
    offset += length;
    return buffer;
  };
  const words = { ids: new Int32Array(take(parsed.wordCount * 4)), idf: new Float32Array(take(parsed.wordCount * 4)) };
  const chars = { ids: new Int32Array(take(parsed.charCount * 4)), idf: new Float32Array(take(parsed.charCount * 4)) };
  const bias = new Float32Array(take(labelCount * 4));
  const scales = new Float32Array(take(labelCount * 4));
  const quantised = new Int16Array(take(columns * labelCount * 2));
  const weights = Float32Array.from(quantised, (value, at) => value * (scales[at % labelCount] as number));
  const { meta, wordCount: _w, charCount: _c, partner: partnerHeader, ...rest } = parsed;
  const model: CompanyModel = { ...rest, words, chars, weights, bias };
  if (partnerHeader) {
    take(align4(quantised.byteLength) - quantised.byteLength);
    const partnerModel = decodeModel(new Uint8Array(take(partnerHeader.byteLength))).model;
    model.partner = { model: partnerModel, weight: partnerHeader.weight, readsHints: partnerHeader.readsHints };
  }
  return { model, meta };
};
