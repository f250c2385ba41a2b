import { createLlmClassifier, createOnnxClassifier } from '@ascolta/ai';
import type { Classifier } from '@ascolta/core';
import type { TriageAdapterConfig } from '../config.ts';

/**
 * The pipeline's classifier as configured: the built-in models, or an optional adapter that answers with
 * them when it fails or is slow. An ONNX folder is checked and loaded here, so a bad one stops start-up.
 */
export const createClassifier = async (
  triage: TriageAdapterConfig,
  builtin: Classifier,
  log: (line: string) => void,
): Promise<Classifier> => {
  switch (triage.adapter) {
    case 'builtin':
      return builtin;
    case 'onnx': {
      const { modelDir, labels, timeoutMs } = triage;
      const classifier = await createOnnxClassifier({ modelDir, labels, timeoutMs, fallback: builtin }).catch(
        (error: unknown) => {
          // Names the configuration the operator has to fix (ASCOLTA_TRIAGE_ONNX_DIR, _LABELS, the install).
          throw new Error(`ASCOLTA_TRIAGE_ADAPTER=onnx: ${error instanceof Error ? error.message : error}`, {
            cause: error,
          });
        },
      );
      log(`triage: ONNX model in ${modelDir} (${timeoutMs} ms, then ${builtin.name})`);
      return classifier;
    }
    case 'llm': {
      const { baseUrl, model, apiKey, timeoutMs } = triage;
      log(`triage: LLM ${model} at ${baseUrl} (${timeoutMs} ms, then ${builtin.name})`);
      return createLlmClassifier({
        baseUrl,
        model,
        ...(apiKey === null ? {} : { apiKey }),
        timeoutMs,
        fallback: builtin,
      });
    }
  }
};
