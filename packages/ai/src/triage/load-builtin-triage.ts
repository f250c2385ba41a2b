import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '@ascolta/core';
import { z } from 'zod';
import { loadLanguageTable } from '../language/detect-language.ts';
import { readModelFile } from '../model/model-files.ts';
import { type BuiltinModels, builtinModelNames } from '../training/build-builtin-models.ts';
import { type BuiltinTriage, createBuiltinTriage } from './create-builtin-triage.ts';

/** Where the committed artefacts live: `packages/ai/models`. */
export const builtinModelsDir = fileURLToPath(new URL('../../models/', import.meta.url));

export const modelManifest = z.object({ version: z.string(), files: z.record(z.string(), z.number()) });

/** Loads the committed built-in models (a few megabytes, read synchronously once at start-up). */
export const loadBuiltinTriage = (dir: string = builtinModelsDir): BuiltinTriage => {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new DomainError('not-found', `no built-in models in ${dir}: run \`npm run train:models\``);
  }
  const manifest = modelManifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  const models = Object.fromEntries(
    builtinModelNames.map((name) => [name, readModelFile(join(dir, `${name}.model`)).model]),
  ) as BuiltinModels;
  return createBuiltinTriage(models, manifest.version, loadLanguageTable(join(dir, 'language.model')));
};
