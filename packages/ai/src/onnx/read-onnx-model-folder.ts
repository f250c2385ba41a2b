import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@ascolta/core';
import { z } from 'zod';

/** What the adapter needs to know of an operator's model folder before loading it. */
export interface OnnxModelFolder {
  dir: string;
  /** `id2label` in logit order. */
  labels: readonly string[];
  /** Where `model.onnx` is: `onnx` (Transformers.js layout) or the folder itself (Optimum's export). */
  subfolder: 'onnx' | '';
  /** Weights in `model.onnx_data` beside the graph (models over 2 GB). */
  hasExternalData: boolean;
}

const modelConfig = z.object({
  id2label: z.record(z.string().regex(/^\d+$/, 'id2label keys must be label indexes'), z.string().min(1)),
});

const requiredFiles = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/**
 * Checks a model folder at start-up, so a bad folder stops the server with the list of what is missing
 * instead of failing on the first message.
 */
export const readOnnxModelFolder = (dir: string): OnnxModelFolder => {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DomainError('not-found', `the ONNX model folder ${dir} does not exist`);
  }
  const subfolder = existsSync(join(dir, 'onnx', 'model.onnx')) ? 'onnx' : '';
  const missing = [
    ...requiredFiles.filter((file) => !existsSync(join(dir, file))),
    ...(existsSync(join(dir, subfolder, 'model.onnx')) ? [] : ['onnx/model.onnx (or model.onnx)']),
  ];
  if (missing.length > 0) {
    throw new DomainError('not-found', `the ONNX model folder ${dir} misses ${missing.join(', ')}`);
  }
  const labels = Object.entries(readModelConfig(join(dir, 'config.json')).id2label)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, label]) => label);
  return { dir, labels, subfolder, hasExternalData: existsSync(join(dir, subfolder, 'model.onnx_data')) };
};

const readModelConfig = (path: string) => {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DomainError('invalid-input', `${path} is not JSON: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = modelConfig.safeParse(json);
  if (parsed.success) return parsed.data;
  const problem = parsed.error.issues[0];
  throw new DomainError('invalid-input', `${path}: ${problem?.path.join('.') || 'id2label'} ${problem?.message}`);
};
