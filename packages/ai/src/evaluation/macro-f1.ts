/** Mean over `labels` of each label's F1; a label never predicted nor present counts as 0. */
export const macroF1 = (gold: readonly string[], predicted: readonly string[], labels: readonly string[]): number => {
  const scores = labels.map((label) => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    gold.forEach((expected, i) => {
      const actual = predicted[i];
      if (expected === label && actual === label) truePositives += 1;
      else if (actual === label) falsePositives += 1;
      else if (expected === label) falseNegatives += 1;
    });
    const denominator = 2 * truePositives + falsePositives + falseNegatives;
    return denominator === 0 ? 0 : (2 * truePositives) / denominator;
  });
  return scores.reduce((sum, score) => sum + score, 0) / labels.length;
};

export const accuracy = (gold: readonly string[], predicted: readonly string[]): number =>
  gold.filter((expected, i) => expected === predicted[i]).length / Math.max(1, gold.length);
