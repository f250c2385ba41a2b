import type { SparseFeatures } from '../features/extract-features.ts';

/** The n-grams of one block a model knows (ascending 32-bit hashes) and their inverse document frequencies. */
export interface BlockVocabulary {
  ids: Int32Array;
  idf: Float32Array;
}

/** A row of the design matrix: sorted column indices and their values. */
export interface SparseVector {
  columns: Int32Array;
  values: Float32Array;
}

/** Keeps the n-grams seen in at least `minDocumentCount` documents; smoothed idf as scikit-learn computes it. */
export const buildBlockVocabulary = (
  documents: readonly SparseFeatures[],
  minDocumentCount: number,
): BlockVocabulary => {
  const documentCount = new Map<number, number>();
  for (const document of documents) {
    for (const id of document.indices) documentCount.set(id, (documentCount.get(id) ?? 0) + 1);
  }
  const kept = [...documentCount.entries()]
    .filter(([, count]) => count >= minDocumentCount)
    .sort((a, b) => a[0] - b[0]);
  return {
    ids: Int32Array.from(kept, ([id]) => id),
    idf: Float32Array.from(kept, ([, count]) => Math.log((1 + documents.length) / (1 + count)) + 1),
  };
};

/** Column of each known id, offset by where the block starts. */
export const columnLookup = (vocabulary: BlockVocabulary, offset: number): Map<number, number> =>
  new Map(Array.from(vocabulary.ids, (id, position) => [id, offset + position]));

/** Sublinear tf × idf of the known n-grams, L2-normalised, times `blockWeight`; appended to `columns`/`values`. */
export const appendWeighedBlock = (
  features: SparseFeatures,
  vocabulary: BlockVocabulary,
  lookup: Map<number, number>,
  blockWeight: number,
  offset: number,
  columns: number[],
  values: number[],
): void => {
  const start = columns.length;
  let squares = 0;
  for (let i = 0; i < features.indices.length; i += 1) {
    const column = lookup.get(features.indices[i] as number);
    if (column === undefined) continue;
    const value = (1 + Math.log(features.counts[i] as number)) * (vocabulary.idf[column - offset] as number);
    columns.push(column);
    values.push(value);
    squares += value * value;
  }
  const scale = squares > 0 ? blockWeight / Math.sqrt(squares) : 0;
  for (let i = start; i < values.length; i += 1) values[i] = (values[i] as number) * scale;
};
