import { macroF1 } from '../evaluation/macro-f1.ts';
import { argmax } from '../model/linear-model.ts';

const predictedLabels = (margins: readonly Float64Array[], labels: readonly string[]): string[] =>
  margins.map((margin) => labels[argmax(margin)] as string);

/** Macro-F1 of the labels the margins pick (the highest), against the gold label indices. */
export const marginsMacroF1 = (margins: readonly Float64Array[], gold: readonly number[], labels: readonly string[]) =>
  macroF1(
    gold.map((label) => labels[label] as string),
    predictedLabels(margins, labels),
    labels,
  );

/**
 * For two labels: the threshold on the first label's margin (it wins above it) that maximises
 * macro-F1 over the given margins; ties go to the threshold nearest 0, the SVM's own.
 */
export const bestBinaryThreshold = (margins: readonly Float64Array[], gold: readonly number[]): number => {
  const firstMargins = margins.map((margin) => (margin[0] as number) - (margin[1] as number));
  const sorted = [...new Set(firstMargins)].sort((a, b) => a - b);
  const candidates = [0, ...sorted.slice(1).map((value, i) => (value + (sorted[i] as number)) / 2)];
  const scoreOf = (threshold: number): number => {
    let tp0 = 0;
    let fp0 = 0;
    let fn0 = 0;
    let tp1 = 0;
    firstMargins.forEach((value, i) => {
      const isFirst = value > threshold;
      const goldFirst = gold[i] === 0;
      if (isFirst && goldFirst) tp0 += 1;
      else if (isFirst) fp0 += 1;
      else if (goldFirst) fn0 += 1;
      else tp1 += 1;
    });
    const f0 = tp0 === 0 ? 0 : (2 * tp0) / (2 * tp0 + fp0 + fn0);
    const f1 = tp1 === 0 ? 0 : (2 * tp1) / (2 * tp1 + fn0 + fp0);
    return (f0 + f1) / 2;
  };
  let best = 0;
  let bestScore = scoreOf(0);
  for (const candidate of candidates) {
    const score = scoreOf(candidate);
    if (score > bestScore + 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && Math.abs(candidate) < Math.abs(best))) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
};

const scaleCandidates = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24];

/** The margin scale whose softmax gives the held-out rows the highest mean log-likelihood. */
export const bestScoreScale = (margins: readonly Float64Array[], gold: readonly number[]): number => {
  const logLikelihood = (scale: number): number =>
    margins.reduce((sum, margin, i) => {
      let max = Number.NEGATIVE_INFINITY;
      for (const value of margin) max = Math.max(max, value * scale);
      let total = 0;
      for (const value of margin) total += Math.exp(value * scale - max);
      return sum + (margin[gold[i] as number] as number) * scale - max - Math.log(total);
    }, 0);
  return scaleCandidates.reduce((best, scale) => (logLikelihood(scale) > logLikelihood(best) ? scale : best));
};
