import type { TriageFeedback } from '@ascolta/core';
import type { LabelledText } from './train-text-classifier.ts';

// An agent's correction is worth more than a row of a bulk export: it is recent and deliberate.
const feedbackWeight = 2;

/**
 * Agents' corrections of one field as training rows. The latest correction of a text wins, so an
 * agent who changes their mind does not leave both labels behind.
 */
export const feedbackToRows = (feedback: readonly TriageFeedback[], field: TriageFeedback['field']): LabelledText[] => {
  const latest = new Map<string, TriageFeedback>();
  for (const row of feedback) {
    if (row.field !== field) continue;
    const previous = latest.get(row.text);
    if (previous === undefined || previous.createdAt <= row.createdAt) latest.set(row.text, row);
  }
  return [...latest.values()].map((row) => ({ text: row.text, label: row.label, weight: feedbackWeight }));
};
