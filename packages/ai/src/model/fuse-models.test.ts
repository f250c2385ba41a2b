import { describe, expect, it } from 'vitest';
import {
  bigramBucket,
  createFeatureScratch,
  extractFeatures,
  hashFeatures,
  wordBucket,
} from '../features/extract-features.ts';
import { trainTextClassifier } from '../training/train-text-classifier.ts';
import { fuseModels } from './fuse-models.ts';
import { predictProbabilities } from './linear-model.ts';

const spec = { dimsLog2: 16, charMin: 3, charMax: 5 };
const texts = [
  'my bill is wrong, charged twice',
  'refund the extra fee please',
  'internet down since monday',
  'router broken again, no wifi',
  'thanks, great service',
  'love the new app, well done',
];
const mood = trainTextClassifier(
  texts.map((text, i) => ({ text, label: i < 4 ? 'unhappy' : 'happy' })),
  spec,
  { minDocumentCount: 1 },
);
const topic = trainTextClassifier(
  texts.map((text, i) => ({ text, label: ['billing', 'billing', 'fault', 'fault', 'other', 'other'][i] as string })),
  spec,
  { minDocumentCount: 1 },
);

describe('features', () => {
  it('hold the word, the bigrams with the edges, and the character n-grams, each counted', () => {
    const features = extractFeatures('wifi down, wifi', spec);
    const countOf = (bucket: number) => features.counts[features.indices.indexOf(bucket)];
    expect(countOf(wordBucket('wifi', spec))).toBe(2);
    expect(countOf(bigramBucket('_start_', 'wifi', spec))).toBe(1);
    expect(countOf(bigramBucket('wifi', 'down', spec))).toBe(1);
    expect(countOf(bigramBucket('wifi', '_end_', spec))).toBe(1);
    expect([...features.indices]).toEqual([...features.indices].sort((a, b) => a - b));
  });
});

describe('fuseModels', () => {
  const fused = fuseModels([mood, topic]);

  it('scores several models in one pass as each would alone, within the int8 rounding', () => {
    const scratch = createFeatureScratch();
    for (const text of [...texts, 'charged twice and the wifi is down', 'nothing in common']) {
      const features = extractFeatures(text, spec);
      hashFeatures(text, spec, scratch);
      const [fromFeatures, fromHashes] = [fused.predict(features), fused.predictHashed(scratch)];
      [mood, topic].forEach((model, m) => {
        const alone = predictProbabilities(model, features);
        alone.forEach((probability, k) => {
          expect(fromFeatures[m]?.[k]).toBeCloseTo(probability, 1);
          expect(fromHashes[m]?.[k]).toBeCloseTo(fromFeatures[m]?.[k] as number, 10);
        });
      });
    }
  });

  it('says which words pushed a model towards a label, and nothing for a word it never saw', () => {
    const billing = topic.labels.indexOf('billing');
    expect(fused.push(wordBucket('charged', spec), 1, billing)).toBeGreaterThan(0);
    expect(fused.push(wordBucket('wifi', spec), 1, billing)).toBeLessThan(0);
    expect(fused.push(wordBucket('zzzunseen', spec), 1, billing)).toBe(0);
  });
});
