import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../features/extract-features.ts';
import { argmax, predictProbabilities } from '../model/linear-model.ts';
import { trainAveragedClassifier } from './train-averaged-classifier.ts';
import { trainTextClassifier } from './train-text-classifier.ts';

const spec = { dimsLog2: 16, charMin: 3, charMax: 5 };
const rows = [
  { text: 'my bill is wrong, charged twice', label: 'unhappy' },
  { text: 'internet down since monday', label: 'unhappy' },
  { text: 'router broken again, no wifi', label: 'unhappy' },
  { text: 'thanks, great service', label: 'happy' },
  { text: 'love the new app, well done', label: 'happy' },
  { text: 'great support, thank you', label: 'happy' },
];
const labels = ['happy', 'unhappy'];
const options = { minDocumentCount: 1, epochs: 6 };

describe('trainAveragedClassifier', () => {
  it('is the mean of the models of each seed, so one seed gives that seed’s model', () => {
    const alone = trainTextClassifier(rows, spec, { ...options, seed: 3 }, labels);
    const averaged = trainAveragedClassifier(rows, spec, options, labels, [3]);
    expect([...averaged.weights]).toEqual([...alone.weights]);
    const three = [3, 5, 8].map((seed) => trainTextClassifier(rows, spec, { ...options, seed }, labels));
    const mean = trainAveragedClassifier(rows, spec, options, labels, [3, 5, 8]);
    expect(mean.weights[0]).toBeCloseTo(three.reduce((sum, model) => sum + (model.weights[0] as number), 0) / 3, 6);
  });

  it('is deterministic and still separates what it was trained on', () => {
    const first = trainAveragedClassifier(rows, spec, options, labels, [1, 2, 3]);
    const second = trainAveragedClassifier(rows, spec, options, labels, [1, 2, 3]);
    expect([...first.weights]).toEqual([...second.weights]);
    for (const row of rows)
      expect(labels[argmax(predictProbabilities(first, extractFeatures(row.text, spec)))]).toBe(row.label);
  });
});
