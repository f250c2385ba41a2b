import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { supportedLanguages } from '../language/detect-language.ts';
import { encodeLanguageTable } from '../language/language-table.ts';
import { writeModelFile } from '../model/model-files.ts';
import { buildBuiltinModels, builtinModelNames } from './build-builtin-models.ts';
import { buildLanguageTableFromEld } from './build-language-table.ts';
import { readBuiltinSources } from './read-builtin-sources.ts';

/** Bumped by hand when the models change meaningfully; recorded in every triage as `model`. */
export const builtinModelVersion = 'builtin@2026-11-23.3';

export interface BuildModelsPaths {
  datasetsDir: string;
  corpusDir: string;
  outDir: string;
}

/** `npm run train:models`: reads the public sets and the corpus, writes the committed artefacts. */
export const writeBuiltinModels = async (
  paths: BuildModelsPaths,
  log: (line: string) => void,
): Promise<Record<string, number>> => {
  const sources = readBuiltinSources(paths.datasetsDir, paths.corpusDir);
  log(
    `sources: corpus ${sources.corpus.length}, banking77 ${sources.banking77.length}, sentiment tweets ${sources.sentimentTweets.length}`,
  );
  const models = buildBuiltinModels(sources, log);
  const files: Record<string, number> = {};
  for (const name of builtinModelNames) {
    files[`${name}.model`] = writeModelFile(join(paths.outDir, `${name}.model`), models[name], { name });
  }
  const languageTable = encodeLanguageTable(await buildLanguageTableFromEld(supportedLanguages, 'large'));
  writeFileSync(join(paths.outDir, 'language.model'), languageTable);
  files['language.model'] = languageTable.length;
  writeFileSync(
    join(paths.outDir, 'manifest.json'),
    `${JSON.stringify({ version: builtinModelVersion, files }, null, 2)}\n`,
  );
  return files;
};
