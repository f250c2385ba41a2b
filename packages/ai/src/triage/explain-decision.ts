import { type FeatureSpec, wordBucket } from '../features/extract-features.ts';
import type { FusedModels } from '../model/fuse-models.ts';

/**
 * The words of the post (its tokens, as the features read them) that pushed model `m` of `fused`
 * most towards `label` rather than the other labels. Only word unigrams are read back: a character
 * n-gram means nothing to an agent.
 */
export const decisiveWords = (
  fused: FusedModels,
  m: number,
  spec: FeatureSpec,
  tokens: readonly string[],
  label: number,
  limit = 3,
): string[] => {
  const words: string[] = [];
  const pushes: number[] = [];
  for (const token of tokens) {
    if (token.length < 4 || words.includes(token)) continue;
    const push = fused.push(wordBucket(token, spec), m, label);
    if (push <= 0) continue;
    // Insertion into the short ranked list (at most `limit` long).
    let at = words.length;
    while (at > 0 && (pushes[at - 1] as number) < push) at -= 1;
    if (at >= limit) continue;
    words.splice(at, 0, token);
    pushes.splice(at, 0, push);
    if (words.length > limit) {
      words.pop();
      pushes.pop();
    }
  }
  return words;
};
