import type { Entity } from '@ascolta/core';

export interface ExpectedEntity {
  kind: string;
  text: string;
}

export interface EntityScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** What was missed or wrongly found, for the benchmark's log. */
  mistakes: string[];
}

/** Exact match on kind and matched text, the strict reading of precision and recall. */
export const scoreEntities = (
  cases: readonly { text: string; expected: readonly ExpectedEntity[] }[],
  extract: (text: string) => readonly Entity[],
): EntityScore => {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const mistakes: string[] = [];
  for (const { text, expected } of cases) {
    const found = extract(text).map((entity) => `${entity.kind}:${entity.text}`);
    const wanted = expected.map((entity) => `${entity.kind}:${entity.text}`);
    for (const item of found) {
      if (wanted.includes(item)) truePositives += 1;
      else {
        falsePositives += 1;
        mistakes.push(`extra ${item} in "${text}"`);
      }
    }
    for (const item of wanted.filter((item) => !found.includes(item))) {
      falseNegatives += 1;
      mistakes.push(`missed ${item} in "${text}"`);
    }
  }
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    mistakes,
  };
};
