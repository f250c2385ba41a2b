import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  accuracy,
  type BuiltinTriage,
  companyClassifier,
  createLanguageDetector,
  crossValidate,
  entityTestSetPath,
  extractEntities,
  type LabelledText,
  loadBuiltinTriage,
  loadCompanyModel,
  macroF1,
  saveCompanyModel,
  scoreEntities,
  supportedLanguages,
  trainCompanyModel,
  umsabFolders,
} from '@ascolta/ai';
import { type Benchmark, percentile, round } from './benchmark.ts';

type Log = (line: string) => void;
type Row = Record<string, unknown> & { text: string };

const readJsonLines = (path: string): Row[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);

const complaintLabels = ['complaint', 'not_complaint'];

/** Ticket-or-ignore on complaints-dev with the shipped model, which never saw it. */
const complaintsBuiltin = (engine: BuiltinTriage, data: string) => {
  const rows = readJsonLines(join(data, 'complaints-dev', 'complaints-dev.jsonl'));
  const predicted = rows.map((row) => (engine.triage({ text: row.text }).scores.complaint ?? 0) >= 0.5);
  const gold = rows.map((row) => String(row.label));
  return {
    complaintsDevMacroF1: round(
      macroF1(
        gold,
        predicted.map((is) => (is ? 'complaint' : 'not_complaint')),
        complaintLabels,
      ),
      3,
    ),
  };
};

/**
 * The `ascolta triage train` path under k-fold cross-validation: each fold's model is written to a
 * folder and read back, as `ascolta triage --model DIR` reads it.
 */
const crossValidated = (engine: BuiltinTriage, rows: LabelledText[], folds: number, useHints: boolean) => {
  const hints = useHints ? (text: string) => engine.triage({ text }) : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'ascolta-company-bench-'));
  const started = performance.now();
  try {
    const predicted = crossValidate(rows, folds, (train, test) => {
      saveCompanyModel(dir, trainCompanyModel(train, hints), {});
      const classifier = companyClassifier(loadCompanyModel(dir).model, hints);
      return test.map((row) => classifier.predict(row.text).label);
    });
    return { predicted, secondsPerFold: round((performance.now() - started) / 1000 / folds, 1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const complaintsTrained = (engine: BuiltinTriage, data: string) => {
  const rows = readJsonLines(join(data, 'complaints-dev', 'complaints-dev.jsonl')).map((row) => ({
    text: row.text,
    label: String(row.label),
  }));
  const { predicted, secondsPerFold } = crossValidated(engine, rows, 10, true);
  return {
    complaintsDevTrainedSecondsPerFold: secondsPerFold,
    complaintsDevTrained10FoldMacroF1: round(
      macroF1(
        rows.map((row) => row.label),
        predicted,
        complaintLabels,
      ),
      3,
    ),
  };
};

const banking77 = (engine: BuiltinTriage, data: string) => {
  const rows = readJsonLines(join(data, 'banking77', 'train.jsonl')).map((row) => ({
    text: row.text,
    label: String(row.label),
  }));
  // No built-in hints: the built-in models were trained on BANKING77 `train`.
  const { predicted, secondsPerFold } = crossValidated(engine, rows, 5, false);
  return {
    banking77SecondsPerFold: secondsPerFold,
    banking77FiveFoldAccuracy: round(
      accuracy(
        rows.map((row) => row.label),
        predicted,
      ),
      4,
    ),
  };
};

const language = (_engine: BuiltinTriage, data: string) => {
  const detect = createLanguageDetector();
  const tweets = supportedLanguages.flatMap((lang) => {
    const folder = umsabFolders[lang] as string;
    return readJsonLines(join(data, 'umsab-xlmt-sentiment', folder, `${folder}.jsonl`)).map((row) => ({
      lang,
      text: row.text,
    }));
  });
  const pairs = readFileSync(
    join(data, 'langid-short-text', 'lingua-word-pairs-single-words', 'word-pairs_v3.txt'),
    'utf8',
  )
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([lang]) => (supportedLanguages as readonly string[]).includes(lang ?? ''));
  const score = (items: { lang: string; text: string }[]) =>
    items.filter((item) => detect(item.text).language === item.lang).length / items.length;
  return {
    languageTweetsAccuracy: round(score(tweets), 4),
    languageWordPairsAccuracy: round(score(pairs.map(([lang = '', text = '']) => ({ lang, text }))), 4),
  };
};

const sentiment = (engine: BuiltinTriage, data: string) => {
  const labels = ['negative', 'neutral', 'positive'];
  const score = (rows: Row[]) =>
    round(
      macroF1(
        rows.map((row) => String(row.label)),
        rows.map((row) => engine.triage({ text: row.text }).sentimentLabel),
        labels,
      ),
      3,
    );
  const val = (folder: string) =>
    readJsonLines(join(data, 'umsab-xlmt-sentiment', folder, `${folder}.jsonl`)).filter((row) => row.split === 'val');
  return {
    sentimentItValMacroF1: score(val('italian')),
    sentimentEnValMacroF1: score(val('english')),
    sentimentTweetEvalValMacroF1: score(readJsonLines(join(data, 'tweeteval-sentiment', 'val.jsonl'))),
  };
};

const entities = (_engine: BuiltinTriage, _data: string, log: Log) => {
  const cases = readJsonLines(entityTestSetPath).map((row) => ({
    text: row.text,
    expected: row.expected as { kind: string; text: string }[],
  }));
  const result = scoreEntities(cases, extractEntities);
  for (const mistake of result.mistakes) log(mistake);
  return {
    entityPrecision: round(result.precision, 3),
    entityRecall: round(result.recall, 3),
    entityCases: cases.length,
  };
};

const cliPath = fileURLToPath(new URL('../../apps/server/bin/ascolta.mjs', import.meta.url));

/** CPU seconds of the finished children of this process (Linux /proc), so the CLI's own cost shows under load. */
const childrenCpuSeconds = (): number | undefined => {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  // Fields 16 and 17 of stat (cutime, cstime), in clock ticks of 1/100 s; [1] starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) / 100;
};

const speed = (engine: BuiltinTriage, data: string) => {
  const texts = readJsonLines(join(data, 'tweeteval-sentiment', 'val.jsonl')).map((row) => row.text);
  for (const text of texts) engine.triage({ text });
  const latencies: number[] = [];
  // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < 20_000; i += 1) {
    const before = performance.now();
    engine.triage({ text: texts[i % texts.length] as string });
    latencies.push(performance.now() - before);
  }
  const postsPerSecond = 20_000 / ((performance.now() - started) / 1000);
  const cpu = process.cpuUsage(cpuBefore);
  const postsPerCpuSecond = 20_000 / ((cpu.user + cpu.system) / 1e6);
  latencies.sort((a, b) => a - b);
  // Per-post CPU time as well: on a shared machine a wall-clock p99 is mostly the moments the process
  // was not running at all.
  const cpuLatencies: number[] = [];
  for (let i = 0; i < 20_000; i += 1) {
    const before = process.cpuUsage();
    engine.triage({ text: texts[i % texts.length] as string });
    const used = process.cpuUsage(before);
    cpuLatencies.push((used.user + used.system) / 1000);
  }
  cpuLatencies.sort((a, b) => a - b);
  const dir = mkdtempSync(join(tmpdir(), 'ascolta-triage-bench-'));
  const input = join(dir, 'posts.jsonl');
  writeFileSync(
    input,
    `${Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ id: i, text: texts[i % texts.length] })).join('\n')}\n`,
  );
  const cliStarted = performance.now();
  const childCpuBefore = childrenCpuSeconds();
  const run = spawnSync(process.execPath, [cliPath, 'triage', '--input', input, '--output', join(dir, 'out.jsonl')]);
  const cliSeconds = (performance.now() - cliStarted) / 1000;
  const childCpuAfter = childrenCpuSeconds();
  const outputLines = existsSync(join(dir, 'out.jsonl'))
    ? readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n').length - 1
    : 0;
  rmSync(dir, { recursive: true, force: true });
  return {
    postsPerSecond: Math.round(postsPerSecond),
    postsPerCpuSecond: Math.round(postsPerCpuSecond),
    p99Ms: round(percentile(latencies, 99), 3),
    p99CpuMs: round(percentile(cpuLatencies, 99), 3),
    cli30kSeconds: run.status === 0 && outputLines === 30_000 ? round(cliSeconds, 2) : `failed (exit ${run.status})`,
    cli30kCpuSeconds:
      childCpuBefore === undefined || childCpuAfter === undefined ? null : round(childCpuAfter - childCpuBefore, 2),
  };
};

const sections = { complaints: complaintsBuiltin, complaintsTrained, banking77, language, sentiment, entities, speed };

export const triageBenchmark: Benchmark = {
  summary: 'Built-in triage: complaints, intent, language, sentiment, entities, speed',
  help: `Usage: ascolta bench triage [--datasets DIR] [--only ${Object.keys(sections).join(',')}]
Datasets default to $ASCOLTA_DATASETS or ../shared/datasets. complaints-dev is only evaluated on.`,
  async run(args, log) {
    const at = (flag: string) => args[args.indexOf(flag) + 1];
    const data = resolve(
      args.includes('--datasets') ? (at('--datasets') ?? '') : (process.env.ASCOLTA_DATASETS ?? '../shared/datasets'),
    );
    const only = args.includes('--only') ? (at('--only') ?? '').split(',') : Object.keys(sections);
    const engine = loadBuiltinTriage();
    const summary: Record<string, unknown> = { model: engine.name };
    for (const [name, section] of Object.entries(sections)) {
      if (!only.includes(name)) continue;
      const started = performance.now();
      Object.assign(summary, section(engine, data, log));
      log(`${name}: done in ${round((performance.now() - started) / 1000, 1)} s`);
    }
    return summary;
  },
};
