import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TriageFeedback } from '@ascolta/core';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCompanyModel, encodeCompanyModel } from '../model/company-model-codec.ts';
import { writeModelFile } from '../model/model-files.ts';
import { companyClassifier, loadCompanyModel, saveCompanyModel } from './company-model-files.ts';
import { feedbackToRows } from './feedback-to-rows.ts';
import {
  type BuiltinReading,
  companyFeatureSpec,
  companyTrainingOptions,
  trainCompanyModel,
  withHints,
} from './train-company-model.ts';
import { trainTextClassifier } from './train-text-classifier.ts';

const rows = [
  ...['my invoice is wrong', 'charged twice on my bill', 'refund the extra fee', 'bill too high this month'].map(
    (text) => ({ text, label: 'billing' }),
  ),
  ...['wifi keeps dropping', 'router is broken', 'no internet since monday', 'line is down again'].map((text) => ({
    text,
    label: 'fault',
  })),
];

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'ascolta-company-model-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for the built-in triage: "urgent" in a text is all it understands. */
const fakeBuiltin = (text: string): BuiltinReading => {
  const urgent = text.includes('urgent') ? 1 : 0;
  return {
    scores: { complaint: urgent, 'kind.other': 1 - urgent },
    kind: urgent ? 'complaint' : 'other',
    sentiment: 0,
    sentimentLabel: 'neutral',
    category: 'other',
    urgency: [],
  };
};

describe('trainCompanyModel', () => {
  it('learns any labels from a company’s rows and survives a save and load', () => {
    const dir = tempDir();
    saveCompanyModel(dir, trainCompanyModel(rows), { hints: 'none' });
    const { model, meta } = loadCompanyModel(dir);
    expect(meta.hints).toBe('none');
    const reloaded = companyClassifier(model);
    expect(reloaded.labels).toEqual(['billing', 'fault']);
    expect(reloaded.predict('the bill has a wrong fee').label).toBe('billing');
    const prediction = reloaded.predict('internet is down, router broken');
    expect(prediction.label).toBe('fault');
    expect((prediction.scores.fault ?? 0) + (prediction.scores.billing ?? 0)).toBeCloseTo(1, 2);
  });

  it('scores the same after encoding, within the rounding of the scores', () => {
    const model = trainCompanyModel(rows);
    const [before, after] = [model, decodeCompanyModel(encodeCompanyModel(model)).model].map((trained) =>
      companyClassifier(trained),
    );
    for (const text of ['wrong fee on the bill', 'wifi down', 'nothing in common']) {
      expect(after?.predict(text)).toEqual(before?.predict(text));
    }
  });

  it('carries its format-1 partner through the file, and none when its weight is 0', () => {
    const decoded = decodeCompanyModel(encodeCompanyModel(trainCompanyModel(rows))).model;
    expect(decoded.partner?.weight).toBe(0.4);
    expect(decoded.partner?.model.labels).toEqual(['billing', 'fault']);
    const alone = trainCompanyModel(rows, undefined, { ...companyTrainingOptions, partnerWeight: 0 });
    expect(alone.partner).toBeUndefined();
    expect(decodeCompanyModel(encodeCompanyModel(alone)).model.partner).toBeUndefined();
    expect(companyClassifier(alone).predict('charged twice on the bill').label).toBe('billing');
  });

  it('records whether the partner reads the built-in hint words', () => {
    const hinted = decodeCompanyModel(encodeCompanyModel(trainCompanyModel(rows, fakeBuiltin))).model;
    expect(hinted.partner?.readsHints).toBe(true);
    const plain = trainCompanyModel(rows, fakeBuiltin, { ...companyTrainingOptions, partnerReadsHints: false });
    expect(decodeCompanyModel(encodeCompanyModel(plain)).model.partner?.readsHints).toBe(false);
    expect(companyClassifier(plain, fakeBuiltin).predict('no internet, router broken').label).toBe('fault');
  });

  it('is deterministic: the same rows give byte-identical model files', () => {
    expect(encodeCompanyModel(trainCompanyModel(rows))).toEqual(encodeCompanyModel(trainCompanyModel(rows)));
  });

  it('reads the built-in triage’s scores as features', () => {
    const labelled = ['please help', 'see my order', 'about my account', 'a question', 'my plan', 'the app'].flatMap(
      (text, i) => [
        { text: `${text} urgent`, label: 'escalate' },
        { text: i % 2 === 0 ? `${text} now` : text, label: 'queue' },
      ],
    );
    const model = trainCompanyModel(labelled, fakeBuiltin);
    expect(model.hintKeys).toEqual(['complaint', 'kind.other']);
    const classifier = companyClassifier(model, fakeBuiltin);
    expect(classifier.predict('urgent: the invoice').label).toBe('escalate');
    expect(classifier.predict('the invoice').label).toBe('queue');
  });

  it('still reads a model folder written before format 2, hints and all', () => {
    const dir = tempDir();
    const legacy = trainTextClassifier(
      rows.map((row) => ({ ...row, text: withHints(row.text, fakeBuiltin) })),
      companyFeatureSpec,
      { minDocumentCount: 1 },
    );
    writeModelFile(join(dir, 'company.model'), legacy, { hints: 'builtin' });
    const { model } = loadCompanyModel(dir);
    expect(model.format).toBe(1);
    expect(companyClassifier(model, fakeBuiltin).predict('charged twice, wrong bill').label).toBe('billing');
  });

  it('says clearly when a folder holds no model or an unreadable one', () => {
    const dir = tempDir();
    expect(() => loadCompanyModel(dir)).toThrow(/no trained model/);
    const bytes = encodeCompanyModel(trainCompanyModel(rows));
    new DataView(bytes.buffer).setUint32(4, 9, true);
    writeFileSync(join(dir, 'company.model'), bytes);
    expect(() => loadCompanyModel(dir)).toThrow(/format 9 is not supported.*retrain/);
    writeFileSync(join(dir, 'company.model'), 'garbage');
    expect(() => loadCompanyModel(dir)).toThrow(/cannot read/);
  });

  it('turns agents’ corrections into rows, the latest correction of a text winning', () => {
    const base = { workspaceId: 'w', messageId: null, agentId: 'a' };
    const feedback: TriageFeedback[] = [
      { ...base, id: '1', text: 'late parcel', field: 'category', label: 'billing', createdAt: new Date('2026-01-01') },
      {
        ...base,
        id: '2',
        text: 'late parcel',
        field: 'category',
        label: 'delivery',
        createdAt: new Date('2026-01-02'),
      },
      { ...base, id: '3', text: 'late parcel', field: 'kind', label: 'complaint', createdAt: new Date('2026-01-03') },
    ];
    expect(feedbackToRows(feedback, 'category')).toEqual([{ text: 'late parcel', label: 'delivery', weight: 2 }]);
  });
});
