import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from './cli-command.ts';
import { triageCommand } from './triage-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'ascolta-triage-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (args: string[], stdin = '') => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += chunk;
  });
  stderr.on('data', (chunk) => {
    err += chunk;
  });
  const io: CliIo = { stdin: Readable.from([stdin]), stdout, stderr, env: {}, cwd: dir };
  const code = await triageCommand.run(args, io);
  return {
    code,
    out,
    err,
    lines: out
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line)),
  };
};

const lines = (...rows: unknown[]) =>
  `${rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n')}\n`;

describe('ascolta triage', () => {
  it('writes one line per input, in order, with the contract fields, and an error line for a bad one', async () => {
    const { code, lines: output } = await run(
      [],
      lines(
        {
          id: 'a',
          text: 'Il mio ordine 40012345 non è arrivato, scrivete a mario.rossi@gmail.com',
          channel: 'x',
          visibility: 'public',
        },
        '{not json',
        { id: 7, text: 'Thanks a lot, great service!', lang: 'en' },
        { id: 'no-text' },
      ),
    );
    expect(code).toBe(0);
    expect(output).toHaveLength(4);
    expect(output[0]).toMatchObject({ id: 'a', language: 'it', actionable: true, category: 'delivery' });
    expect(['complaint', 'request']).toContain(output[0].kind);
    for (const field of ['category', 'sentiment', 'sentimentLabel', 'scores', 'entities', 'pii'])
      expect(output[0]).toHaveProperty(field);
    expect(output[0].scores).toHaveProperty('complaint');
    expect(output[0].pii).toEqual([{ kind: 'email', start: 50, end: 71 }]);
    expect(output[1]).toEqual({ line: 2, error: 'not valid JSON' });
    expect(output[2]).toMatchObject({ id: 7, language: 'en', kind: 'praise', actionable: false });
    expect(output[3]).toMatchObject({ id: 'no-text', line: 4, error: expect.stringMatching(/^text/) });
  });

  it('trains a model with `train` and adds its prediction with --model, reading and writing files', async () => {
    const rows = [
      ...[
        'bill too high',
        'charged twice',
        'wrong invoice amount',
        'refund my fee',
        'extra charge on bill',
        'invoice is wrong',
      ],
      ...['wifi down', 'router broken', 'no internet', 'line keeps dropping', 'no signal at home', 'connection lost'],
    ].map((text, i) => ({ text, label: i < 6 ? 'billing' : 'fault' }));
    writeFileSync(join(dir, 'train.jsonl'), lines(...rows));
    expect((await run(['train', '--input', 'train.jsonl', '--out', 'model'])).code).toBe(0);
    writeFileSync(join(dir, 'in.jsonl'), lines({ id: 1, text: 'my internet is down again' }));
    const { code } = await run(['--input', 'in.jsonl', '--output', 'out.jsonl', '--model', 'model']);
    expect(code).toBe(0);
    const [line] = readFileSync(join(dir, 'out.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text));
    expect(line.prediction.label).toBe('fault');
    expect(Object.keys(line.prediction.scores).sort()).toEqual(['billing', 'fault']);
  });

  it('refuses training data that cannot make a model, saying why', async () => {
    writeFileSync(join(dir, 'empty.jsonl'), '\n');
    writeFileSync(join(dir, 'one.jsonl'), lines({ text: 'a', label: 'x' }, { text: 'b', label: 'x' }));
    writeFileSync(join(dir, 'bad.jsonl'), lines({ text: 'a', label: 'x' }, { text: 'b', label: 'y' }, '{"text": 3}'));
    for (const [file, message] of [
      ['empty.jsonl', /empty/],
      ['one.jsonl', /only one label/],
      ['bad.jsonl', /line 3/],
    ] as const) {
      const { code, err } = await run(['train', '--input', file, '--out', 'never']);
      expect(code).toBe(1);
      expect(err).toMatch(message);
    }
    await expect(run(['train', '--input', 'one.jsonl'])).rejects.toThrow(/--out/);
  });

  it("reads several --input files together (a company's rows and the agents' corrections), naming a bad file", async () => {
    writeFileSync(
      join(dir, 'company.jsonl'),
      lines({ text: 'bill too high', label: 'billing' }, { text: 'charged twice', label: 'billing' }),
    );
    writeFileSync(
      join(dir, 'feedback.jsonl'),
      lines({ text: 'wifi down', label: 'fault' }, { text: 'no internet', label: 'fault' }),
    );
    const trained = await run(['train', '--input', 'company.jsonl', '--input', 'feedback.jsonl', '--out', 'both']);
    expect([trained.code, trained.err]).toEqual([
      0,
      expect.stringMatching(/trained on 4 rows, labels: billing, fault/),
    ]);
    writeFileSync(
      join(dir, 'broken.jsonl'),
      lines({ text: 'a', label: 'x' }, { text: 'b', label: 'y' }, '{"text": 3}'),
    );
    const { code, err } = await run(['train', '--input', 'company.jsonl', '--input', 'broken.jsonl', '--out', 'never']);
    expect(code).toBe(1);
    expect(err).toMatch(/broken\.jsonl: line 3: text/);
  });
});
