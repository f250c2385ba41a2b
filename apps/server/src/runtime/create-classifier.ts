import { basename, resolve } from 'node:path';
import {
  type BuiltinTriage,
  companyClassifier,
  createLlmClassifier,
  createOnnxClassifier,
  loadCompanyModel,
  withCompanyModel,
} from '@ascolta/ai';
import type { Classifier } from '@ascolta/core';
import type { Config, TriageAdapterConfig } from '../config.ts';

/**
 * The pipeline's classifier as configured: the built-in models, or an optional adapter that answers with
 * them when it fails or is slow, and optionally a workspace model (`ascolta triage train`) taking one of
 * the decisions. Model folders are checked and loaded here, so a bad one stops start-up.
 */
export const createClassifier = async (
  config: Pick<Config, 'triage' | 'triageCompanyModel'>,
  builtin: BuiltinTriage,
  log: (line: string) => void,
): Promise<Classifier> => {
  const adapter = await createAdapter(config.triage, builtin, log);
  const company = config.triageCompanyModel;
  if (company === null) return adapter;
  try {
    // The model was trained on the built-in triage's scores too: they come from the built-in engine.
    const { model, meta } = loadCompanyModel(resolve(company.dir));
    const hints = meta.hints === 'builtin' ? (text: string) => builtin.triage({ text }) : undefined;
    const classifier = withCompanyModel(adapter, {
      model: companyClassifier(model, hints),
      field: company.field,
      name: basename(resolve(company.dir)),
    });
    log(`triage: ${company.field} by the workspace model in ${company.dir}`);
    return classifier;
  } catch (error) {
    throw new Error(`ASCOLTA_TRIAGE_COMPANY_MODEL: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }
};

const createAdapter = async (
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
