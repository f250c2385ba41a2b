import { describe, expect, it } from 'vitest';
import type { SparseVector } from './sparse-vocabulary.ts';
import { defaultSvmOptions, trainOneVsRestSvm } from './train-linear-svm.ts';

const vector = (entries: [number, number][]): SparseVector => ({
  columns: Int32Array.from(entries, ([column]) => column),
  values: Float32Array.from(entries, ([, value]) => value),
});

const marginsOf = (model: { weights: Float32Array; bias: Float32Array }, x: SparseVector, labels: number) =>
  Array.from({ length: labels }, (_, k) =>
    Array.from(x.columns).reduce(
      (sum, column, j) => sum + (model.weights[column * labels + k] as number) * (x.values[j] as number),
      model.bias[k] as number,
    ),
  );

describe('trainOneVsRestSvm', () => {
  // Column c is the evidence for label c; column 3 is noise shared by all.
  const vectors = [0, 1, 2].flatMap((label) =>
    [0.5, 1].map((strength) =>
      vector([
        [label, strength],
        [3, 0.5],
      ]),
    ),
  );
  const labels = vectors.map((_, i) => Math.floor(i / 2));

  it('separates three labels, each by its own column', () => {
    const model = trainOneVsRestSvm(vectors, labels, 3, 4, { ...defaultSvmOptions, c: 10 });
    vectors.forEach((x, i) => {
      const margins = marginsOf(model, x, 3);
      expect(margins.indexOf(Math.max(...margins))).toBe(labels[i]);
    });
    expect(model.weights[0 * 3 + 0]).toBeGreaterThan(0);
    expect(model.weights[1 * 3 + 0]).toBeLessThan(0);
  });

  it('gives two labels opposite margins from one SVM, and is deterministic', () => {
    const two = vectors.slice(0, 4);
    const model = trainOneVsRestSvm(two, [0, 0, 1, 1], 2, 4);
    const margins = marginsOf(model, vector([[0, 1]]), 2);
    expect(margins[0]).toBeGreaterThan(0);
    expect(margins[1]).toBeCloseTo(-(margins[0] as number), 5);
    expect(trainOneVsRestSvm(two, [0, 0, 1, 1], 2, 4)).toEqual(model);
  });

  it('shrinks the weights as the cost goes down (stronger L2)', () => {
    const norm = (c: number) =>
      trainOneVsRestSvm(vectors, labels, 3, 4, { ...defaultSvmOptions, c }).weights.reduce((s, w) => s + w * w, 0);
    expect(norm(0.01)).toBeLessThan(norm(1));
  });
});
