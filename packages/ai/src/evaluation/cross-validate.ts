import { seededRandom, shuffleInPlace } from '../model/train-linear-model.ts';
import type { LabelledText } from '../training/train-text-classifier.ts';

/**
 * k-fold cross-validation with a seeded shuffle: every row is predicted once by a model that never
 * saw it. Returns the predictions in the order of `rows`.
 */
export const crossValidate = (
  rows: readonly LabelledText[],
  folds: number,
  fitAndPredict: (train: LabelledText[], test: LabelledText[]) => string[],
  seed = 1,
): string[] => {
  const order = shuffleInPlace(
    rows.map((_, index) => index),
    seededRandom(seed),
  );
  const predictions = new Array<string>(rows.length).fill('');
  for (let fold = 0; fold < folds; fold += 1) {
    const testIndices = order.filter((_, position) => position % folds === fold);
    const testSet = new Set(testIndices);
    const train = rows.filter((_, index) => !testSet.has(index));
    const predicted = fitAndPredict(
      train,
      testIndices.map((index) => rows[index] as LabelledText),
    );
    testIndices.forEach((index, i) => {
      predictions[index] = predicted[i] ?? '';
    });
  }
  return predictions;
};
