import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, type MessageKind, messageKinds } from '@ascolta/core';
import { z } from 'zod';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface CorpusPost {
  lang: string;
  kind: MessageKind;
  category: string;
  text: string;
}

export interface SentimentTweet {
  lang: string;
  text: string;
  label: SentimentLabel;
}

export interface BuiltinSources {
  corpus: CorpusPost[];
  banking77: { text: string; label: string }[];
  /** UMSAB `train` splits of it, en, es, fr, de, pt, and the SemEval 2013–2016 pool (en). */
  sentimentTweets: SentimentTweet[];
}

const sentimentLabel = z.enum(['negative', 'neutral', 'positive']);
const umsabRow = z.object({ split: z.string(), lang: z.string(), text: z.string(), label: sentimentLabel });
const semevalRow = z.object({ text: z.string(), label: sentimentLabel });
const bankingRow = z.object({ text: z.string(), label: z.string() });
const evaluationRow = z.object({ text: z.string() });

export const umsabFolders: Readonly<Record<string, string>> = {
  it: 'italian',
  en: 'english',
  es: 'spanish',
  fr: 'french',
  de: 'german',
  pt: 'portuguese',
};

const readJsonLines = <T>(path: string, schema: z.ZodType<T>): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => schema.parse(JSON.parse(line)));

const corpusKind = z.enum(messageKinds);

export const readCorpus = (corpusDir: string): CorpusPost[] =>
  ['care-posts-it.tsv', 'care-posts-en.tsv', 'care-posts-more.tsv', 'care-posts-brands.tsv', 'care-posts-mentions.tsv']
    .map((name) => join(corpusDir, name))
    .filter((path) => existsSync(path))
    .flatMap((path) => readFileSync(path, 'utf8').split('\n'))
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [lang = '', kind = '', category = '', text = ''] = line.split('\t');
      return { lang, kind: corpusKind.parse(kind), category, text };
    });

// Folded text, so a tweet that appears in an evaluation split is never trained on, whatever its spacing.
export const foldForDedup = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\\u[0-9a-f]{4}|@\w+|https?:\/\/\S+|\bhttp\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Text of every evaluation split we report on, so training can leave it out. */
const evaluationTexts = (datasetsDir: string): Set<string> => {
  const folded = new Set<string>();
  const tweeteval = join(datasetsDir, 'tweeteval-sentiment', 'val.jsonl');
  if (existsSync(tweeteval))
    for (const row of readJsonLines(tweeteval, evaluationRow)) folded.add(foldForDedup(row.text));
  for (const folder of Object.values(umsabFolders)) {
    const path = join(datasetsDir, 'umsab-xlmt-sentiment', folder, `${folder}.jsonl`);
    for (const row of readJsonLines(path, umsabRow)) if (row.split !== 'train') folded.add(foldForDedup(row.text));
  }
  return folded;
};

// The SemEval pool keeps some characters as literal `\u002c` escapes.
const unescapeUnicode = (text: string): string =>
  text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** Everything `build-models` trains on; fails with the list of what is missing when the data is absent. */
export const readBuiltinSources = (datasetsDir: string, corpusDir: string): BuiltinSources => {
  const required = [
    join(datasetsDir, 'banking77', 'train.jsonl'),
    join(datasetsDir, 'semeval2017-task4a', 'train_pool_2013_2016.jsonl'),
    ...Object.values(umsabFolders).map((folder) =>
      join(datasetsDir, 'umsab-xlmt-sentiment', folder, `${folder}.jsonl`),
    ),
    join(corpusDir, 'care-posts-it.tsv'),
  ];
  const missing = required.filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new DomainError('not-found', `training data missing:\n  ${missing.join('\n  ')}`, { missing });
  }
  const heldOut = evaluationTexts(datasetsDir);
  const umsab = Object.values(umsabFolders).flatMap((folder) =>
    readJsonLines(join(datasetsDir, 'umsab-xlmt-sentiment', folder, `${folder}.jsonl`), umsabRow).filter(
      (row) => row.split === 'train',
    ),
  );
  const semeval = readJsonLines(join(datasetsDir, 'semeval2017-task4a', 'train_pool_2013_2016.jsonl'), semevalRow);
  const seen = new Set<string>();
  const sentimentTweets = [
    ...umsab,
    ...semeval.map((row) => ({ ...row, text: unescapeUnicode(row.text), lang: 'en' })),
  ].filter((row) => {
    const folded = foldForDedup(row.text);
    if (heldOut.has(folded) || seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
  return {
    corpus: readCorpus(corpusDir),
    banking77: readJsonLines(required[0] as string, bankingRow),
    sentimentTweets: sentimentTweets.map(({ lang, text, label }) => ({ lang, text, label })),
  };
};
