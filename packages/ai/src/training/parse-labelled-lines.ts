import { DomainError } from '@ascolta/core';
import { z } from 'zod';
import type { LabelledText } from './train-text-classifier.ts';

const labelledLine = z.object({
  text: z.string().min(1),
  label: z.union([z.string().min(1), z.number(), z.boolean()]),
});

/**
 * `{"text","label"}` JSON lines → rows. Rejects, naming the line, anything a model cannot learn from:
 * a malformed line, no rows at all, or a single label.
 */
export const parseLabelledLines = (content: string): LabelledText[] => {
  const rows: LabelledText[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new DomainError('invalid-input', `line ${index + 1}: not valid JSON`, { line: index + 1 });
    }
    const result = labelledLine.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.join('.') || 'line';
      throw new DomainError('invalid-input', `line ${index + 1}: ${where}: ${issue?.message ?? 'invalid'}`, {
        line: index + 1,
      });
    }
    rows.push({ text: result.data.text, label: String(result.data.label) });
  });
  if (rows.length === 0) throw new DomainError('invalid-input', 'no training rows: the input is empty');
  const labels = new Set(rows.map((row) => row.label));
  if (labels.size < 2) {
    throw new DomainError('invalid-input', `only one label ('${[...labels][0]}'): a classifier needs two or more`);
  }
  return rows;
};
