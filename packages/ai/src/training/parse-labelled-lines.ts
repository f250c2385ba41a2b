import { DomainError } from '@ascolta/core';
import { z } from 'zod';
import type { LabelledText } from './train-text-classifier.ts';

const labelledLine = z.object({
  text: z.string().min(1),
  label: z.union([z.string().min(1), z.number(), z.boolean()]),
});

/** The rows of one file; a malformed line is named by its number, after `source` when given. */
const parseRows = (content: string, source: string | null): LabelledText[] => {
  const where = (line: number) => (source === null ? `line ${line}` : `${source}: line ${line}`);
  const rows: LabelledText[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new DomainError('invalid-input', `${where(index + 1)}: not valid JSON`, { line: index + 1 });
    }
    const result = labelledLine.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') || 'line';
      throw new DomainError('invalid-input', `${where(index + 1)}: ${field}: ${issue?.message ?? 'invalid'}`, {
        line: index + 1,
      });
    }
    rows.push({ text: result.data.text, label: String(result.data.label) });
  });
  return rows;
};

/**
 * `{"text","label"}` JSON lines of one or more files (read together: a company's rows and its agents'
 * corrections) → rows. Rejects, naming the file (when several) and the line, anything a model cannot learn
 * from: a malformed line, no rows at all, or a single label.
 */
export const parseLabelledFiles = (files: ReadonlyArray<{ name: string; content: string }>): LabelledText[] => {
  const rows = files.flatMap((file) => parseRows(file.content, files.length > 1 ? file.name : null));
  if (rows.length === 0) throw new DomainError('invalid-input', 'no training rows: the input is empty');
  const labels = new Set(rows.map((row) => row.label));
  if (labels.size < 2) {
    throw new DomainError('invalid-input', `only one label ('${[...labels][0]}'): a classifier needs two or more`);
  }
  return rows;
};

/** One file's `{"text","label"}` lines → rows (see `parseLabelledFiles`). */
export const parseLabelledLines = (content: string): LabelledText[] => parseLabelledFiles([{ name: '', content }]);
