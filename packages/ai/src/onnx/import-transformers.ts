import { DomainError } from '@ascolta/core';

/** One label of a text-classification pipeline's answer. */
export interface LabelScore {
  label: string;
  score: number;
}

export interface TextClassificationPipeline {
  (text: string, options: { top_k: number | null }): Promise<LabelScore[]>;
  dispose(): Promise<void>;
}

/** The part of `@huggingface/transformers` the adapter uses, typed here so the package stays optional. */
export interface TransformersModule {
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
  pipeline(
    task: 'text-classification',
    model: string,
    options: {
      device: 'cpu';
      dtype: 'fp32';
      local_files_only: true;
      subfolder: string;
      use_external_data_format: boolean;
    },
  ): Promise<TextClassificationPipeline>;
}

export const transformersPackage = '@huggingface/transformers';

/**
 * Loads Transformers.js only when an operator turns the ONNX adapter on: it is an optional dependency
 * (with ONNX Runtime, about 470 MB installed; ADR 0008), absent after `npm install --omit=optional`.
 */
export const importTransformers = async (specifier: string = transformersPackage): Promise<TransformersModule> => {
  try {
    return (await import(specifier)) as TransformersModule;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new DomainError(
      'unavailable',
      `the ONNX triage adapter needs the optional package ${specifier}, which is not installed: run \`npm install\` (without --omit=optional) and check its output for ${specifier} or onnxruntime-node`,
    );
  }
};
