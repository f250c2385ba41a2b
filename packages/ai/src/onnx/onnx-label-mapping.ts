import { type MessageKind, messageKinds } from '@ascolta/core';
import { z } from 'zod';

/** What one label of an operator's model decides in the triage. */
export type OnnxLabelTarget =
  | { head: 'kind'; kind: MessageKind }
  | { head: 'actionable'; actionable: boolean }
  | { head: 'category'; category: string }
  /** The label decides nothing by itself (the negative label of a binary detector, say). */
  | { head: 'none' };

/** Model label (as in `id2label` of the folder's `config.json`) → what it decides. */
export type OnnxLabelMapping = Readonly<Record<string, OnnxLabelTarget>>;

export const onnxLabelTargetSyntax = `${messageKinds.join('|')}|actionable|not-actionable|category:<id>|none`;

const isKind = (value: string): value is MessageKind => (messageKinds as readonly string[]).includes(value);

/** Parses one target as written in configuration; null when it is not one. */
export const parseOnnxLabelTarget = (text: string): OnnxLabelTarget | null => {
  const value = text.trim();
  if (isKind(value)) return { head: 'kind', kind: value };
  if (value === 'actionable' || value === 'not-actionable')
    return { head: 'actionable', actionable: value === 'actionable' };
  if (value === 'none') return { head: 'none' };
  const category = /^category:([a-z0-9][a-z0-9_-]*)$/.exec(value)?.[1];
  return category === undefined ? null : { head: 'category', category };
};

/**
 * The mapping as written in configuration: `LABEL_0=none,LABEL_1=complaint` or
 * `billing=category:billing,shipping=category:delivery`. Labels are matched exactly.
 */
export const onnxLabelMapping = z.string().transform((text, context): OnnxLabelMapping => {
  const mapping: Record<string, OnnxLabelTarget> = {};
  for (const pair of text.split(',')) {
    const separator = pair.lastIndexOf('=');
    const label = pair.slice(0, separator).trim();
    const target = separator > 0 && label !== '' ? parseOnnxLabelTarget(pair.slice(separator + 1)) : null;
    if (target === null) {
      context.addIssue({
        code: 'custom',
        message: `"${pair.trim()}" is not label=target (target one of ${onnxLabelTargetSyntax})`,
      });
      return z.NEVER;
    }
    mapping[label] = target;
  }
  return mapping;
});

/** Labels named like our outputs (`complaint`, `Question`, `not-actionable`) need no mapping. */
export const defaultOnnxLabelTarget = (label: string): OnnxLabelTarget | null => {
  const target = parseOnnxLabelTarget(label.toLowerCase());
  return target?.head === 'kind' || target?.head === 'actionable' ? target : null;
};
