import { type FeatureSpec, normaliseText, tokenise, wordBucket } from '../features/extract-features.ts';
import type { LinearModel } from '../model/linear-model.ts';

/**
 * The words of the post that pushed `model` most towards `label` rather than the other labels.
 * Only word unigrams are read back: a character n-gram means nothing to an agent.
 */
export const decisiveWords = (
  model: LinearModel,
  spec: FeatureSpec,
  text: string,
  label: number,
  limit = 3,
): string[] => {
  const labelCount = model.labels.length;
  const pushes = new Map<string, number>();
  for (const token of tokenise(normaliseText(text))) {
    if (token.length < 4 || pushes.has(token)) continue;
    const row = model.rowOfBucket[wordBucket(token, spec)] as number;
    if (row < 0) continue;
    let others = 0;
    for (let k = 0; k < labelCount; k += 1) if (k !== label) others += model.weights[row * labelCount + k] as number;
    const push = (model.weights[row * labelCount + label] as number) - others / (labelCount - 1);
    if (push > 0) pushes.set(token, push * (model.idf[row] as number));
  }
  return [...pushes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([word]) => word);
};
