import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  type BuiltinTriage,
  builtinModelsDir,
  type CompanyClassifier,
  companyClassifier,
  loadBuiltinTriage,
  loadCompanyModel,
  parseLabelledFiles,
  saveCompanyModel,
  trainCompanyModel,
  writeBuiltinModels,
} from '@ascolta/ai';
import { isDomainError } from '@ascolta/core';
import { z } from 'zod';
import { type CliCommand, type CliIo, parseFlags, UsageError, writeLine } from './cli-command.ts';

const inputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  channel: z.string().optional(),
  visibility: z.enum(['public', 'private']).optional(),
  lang: z.string().optional(),
  isReplyToBrand: z.boolean().optional(),
});

const help = `Usage:
  ascolta triage [--input FILE.jsonl] [--output FILE.jsonl] [--model DIR]
  ascolta triage train --input FILE.jsonl [--input MORE.jsonl …] --out DIR
  ascolta triage build-models [--datasets DIR] [--out DIR]

triage        reads {"id","text","channel"?,"visibility"?,"lang"?} JSON lines (stdin by default) and
              writes one JSON line per input, in order: language, actionable, kind, category,
              sentiment, urgency, entities, pii, scores, explanation. A bad line gets {"id"|"line","error"}.
              --model DIR adds "prediction": {"label","scores"} from a model made by 'triage train'.
train         trains a classifier on {"text","label"} lines (two or more labels) into DIR; several
              --input files are read together (e.g. a company's data and the agents' corrections
              from GET /api/v1/triage/feedback?field=category).
build-models  retrains the built-in models from ../shared/datasets and the project's corpus.`;

/** One output line for one input line; never throws, so one bad line cannot stop a batch. */
const triageLine = (line: string, lineNumber: number, engine: BuiltinTriage, model?: CompanyClassifier): string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return JSON.stringify({ line: lineNumber, error: 'not valid JSON' });
  }
  const result = inputLine.safeParse(parsed);
  if (!result.success) {
    const id = z.object({ id: z.union([z.string(), z.number()]) }).safeParse(parsed);
    const issue = result.error.issues[0];
    const reason = `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`;
    return JSON.stringify(
      id.success ? { id: id.data.id, line: lineNumber, error: reason } : { line: lineNumber, error: reason },
    );
  }
  const { id, text, channel, visibility, lang, isReplyToBrand } = result.data;
  const triage = engine.triage({ text, channel, visibility, languageHint: lang, isReplyToBrand });
  return JSON.stringify(model ? { id, ...triage, prediction: model.predict(text) } : { id, ...triage });
};

const runTriage = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parseFlags(args, {
    input: { type: 'string' },
    output: { type: 'string' },
    model: { type: 'string' },
  });
  const engine = loadBuiltinTriage();
  const model = values.model ? loadModel(resolve(io.cwd, values.model), engine) : undefined;
  const input = values.input ? createReadStream(resolve(io.cwd, values.input)) : io.stdin;
  const output = values.output ? createWriteStream(resolve(io.cwd, values.output)) : io.stdout;
  let batch: string[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    batch.push(triageLine(line, lineNumber, engine, model));
    // Writing in batches keeps 30,000 lines a matter of seconds; a write per line would dominate.
    if (batch.length >= 512) {
      output.write(`${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) output.write(`${batch.join('\n')}\n`);
  if (output !== io.stdout) await new Promise<void>((done) => output.end(() => done()));
  return 0;
};

const loadModel = (dir: string, engine: BuiltinTriage): CompanyClassifier => {
  const { model, meta } = loadCompanyModel(dir);
  return companyClassifier(model, meta.hints === 'builtin' ? (text) => engine.triage({ text }) : undefined);
};

const runTrain = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parseFlags(args, {
    input: { type: 'string', multiple: true },
    out: { type: 'string' },
    'no-builtin-hints': { type: 'boolean' },
  });
  if (!values.input?.length || !values.out) throw new UsageError('train needs --input FILE.jsonl and --out DIR');
  // Several files are read together, e.g. a company's rows and the agents' corrections (GET /api/v1/triage/feedback).
  const rows = parseLabelledFiles(
    values.input.map((input) => ({ name: input, content: readFileSync(resolve(io.cwd, input), 'utf8') })),
  );
  const engine = values['no-builtin-hints'] ? undefined : loadBuiltinTriage();
  const hints = engine ? (text: string) => engine.triage({ text }) : undefined;
  const model = trainCompanyModel(rows, hints);
  const labels = [...model.labels];
  const bytes = saveCompanyModel(resolve(io.cwd, values.out), model, {
    hints: engine ? 'builtin' : 'none',
    builtinVersion: engine?.name ?? null,
    rows: rows.length,
    labels,
  });
  writeLine(io.stderr, `trained on ${rows.length} rows, labels: ${labels.join(', ')}; ${bytes} bytes in ${values.out}`);
  return 0;
};

const runBuildModels = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parseFlags(args, { datasets: { type: 'string' }, out: { type: 'string' } });
  const datasetsDir = resolve(io.cwd, values.datasets ?? io.env.ASCOLTA_DATASETS ?? '../shared/datasets');
  const outDir = values.out ? resolve(io.cwd, values.out) : builtinModelsDir;
  const corpusDir = resolve(builtinModelsDir, '../corpus');
  const files = await writeBuiltinModels({ datasetsDir, corpusDir, outDir }, (line) => writeLine(io.stderr, line));
  writeLine(io.stdout, JSON.stringify({ outDir, files }));
  return 0;
};

export const triageCommand: CliCommand = {
  summary: 'Triage JSON lines with the built-in AI; train a company model; rebuild the built-in models',
  help,
  async run(args, io) {
    const [first, ...rest] = args;
    try {
      if (first === 'train') return await runTrain(rest, io);
      if (first === 'build-models') return await runBuildModels(rest, io);
      return await runTriage(args, io);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      writeLine(io.stderr, `ascolta triage: ${error.message}`);
      return 1;
    }
  },
};
