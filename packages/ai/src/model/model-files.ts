import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LinearModel } from './linear-model.ts';
import { decodeModel, encodeModel } from './model-codec.ts';

export const writeModelFile = (path: string, model: LinearModel, meta: Record<string, unknown> = {}): number => {
  mkdirSync(dirname(path), { recursive: true });
  const bytes = encodeModel(model, meta);
  writeFileSync(path, bytes);
  return bytes.length;
};

export const readModelFile = (path: string): { model: LinearModel; meta: Record<string, unknown> } =>
  decodeModel(new Uint8Array(readFileSync(path)));
