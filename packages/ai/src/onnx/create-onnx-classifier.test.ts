import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Classifier, Triage } from '@ascolta/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuiltinTriage } from '../triage/load-builtin-triage.ts';
import { createOnnxClassifier } from './create-onnx-classifier.ts';
import { onnxLabelMapping } from './onnx-label-mapping.ts';
import { writeTinyModelFolder } from './tiny-model-folder.test-support.ts';

const root = mkdtempSync(join(tmpdir(), 'ascolta-onnx-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Logits per word, one per label: "rotto" pushes complaint, "grazie" praise, "come" question.
const kindModel = {
  labels: ['complaint', 'question', 'praise', 'other'],
  wordLogits: { rotto: [60, 0, 0, 0], grazie: [0, 0, 60, 0], come: [0, 50, 0, 0] },
};

const cannedAnswer: Triage = {
  language: 'it',
  languageConfidence: 0.9,
  actionable: true,
  kind: 'complaint',
  category: 'technical',
  categoryConfidence: 0.7,
  sentiment: -0.6,
  sentimentLabel: 'negative',
  urgency: [],
  entities: [],
  pii: [],
  scores: { complaint: 0.8, actionable: 0.8, 'kind.complaint': 0.6, 'kind.question': 0.3, 'kind.praise': 0.1 },
  confidence: 0.8,
  explanation: ['complaint (0.8)'],
  model: 'builtin@test',
};
// A fake injected through the port where a test is about how the adapter combines answers.
const canned: Classifier = { name: 'builtin@test', classify: async () => cannedAnswer };

describe('ONNX transformer classifier over a local model folder', () => {
  it('decides the kind from the model and keeps language, entities and personal data from the built-in triage', async () => {
    const modelDir = writeTinyModelFolder(join(root, 'kinds'), kindModel);
    const classifier = await createOnnxClassifier({ modelDir, timeoutMs: 5000, fallback: loadBuiltinTriage() });
    expect(classifier.name).toBe('onnx:kinds');

    const complaint = await classifier.classify({ text: 'Il modem è ROTTO, scrivetemi a mario.rossi@example.com' });
    expect(complaint.kind).toBe('complaint');
    expect(complaint.actionable).toBe(true);
    expect(complaint.scores.complaint).toBeGreaterThan(0.5);
    expect(complaint.scores['onnx.complaint']).toBe(complaint.scores.complaint);
    expect(complaint.language).toBe('it');
    expect(complaint.entities.map((entity) => entity.kind)).toEqual(['email']);
    expect(complaint.pii.map((flag) => flag.kind)).toEqual(['email']);
    expect(complaint.model).toBe('onnx:kinds');
    expect(complaint.explanation[0]).toMatch(/^complaint \(0\.\d+\) by onnx:kinds$/);

    const praise = await classifier.classify({ text: 'Grazie mille, tutto perfetto' });
    expect(praise).toMatchObject({ kind: 'praise', actionable: false, model: 'onnx:kinds' });
    expect(praise.scores.complaint).toBeLessThan(0.5);
    expect(praise.scores.actionable).toBeLessThan(0.5);

    const question = await classifier.classify({ text: 'come si attiva la sim?' });
    expect(question).toMatchObject({ kind: 'question', actionable: true });
  });

  it('reads an Optimum export (model.onnx at the root) and maps a binary detector with a label mapping', async () => {
    const modelDir = writeTinyModelFolder(join(root, 'binary'), {
      labels: ['LABEL_0', 'LABEL_1'],
      wordLogits: { rotto: [0, 12], grazie: [12, 0] },
      layout: 'root',
    });
    const labels = onnxLabelMapping.parse('LABEL_0=none,LABEL_1=complaint');
    const classifier = await createOnnxClassifier({ modelDir, labels, timeoutMs: 5000, fallback: canned });

    const complaint = await classifier.classify({ text: 'rotto' });
    expect(complaint).toMatchObject({ kind: 'complaint', actionable: true });
    expect(complaint.scores.complaint).toBeGreaterThan(0.9);

    // "Not a complaint": the model covers that kind, so the built-in's next best kind stands.
    const notComplaint = await classifier.classify({ text: 'grazie' });
    expect(notComplaint.kind).toBe('question');
    expect(notComplaint.scores.complaint).toBeLessThan(0.1);
    expect(notComplaint.category).toBe('technical');
  });

  it('decides the category from a category head, within the workspace taxonomy', async () => {
    const modelDir = writeTinyModelFolder(join(root, 'categories'), {
      labels: ['fatture', 'spedizioni'],
      wordLogits: { bolletta: [30, 0], pacco: [0, 30] },
    });
    const labels = onnxLabelMapping.parse('fatture=category:billing,spedizioni=category:delivery');
    const classifier = await createOnnxClassifier({ modelDir, labels, timeoutMs: 5000, fallback: canned });

    const parcel = await classifier.classify({ text: 'dov è il mio pacco' });
    expect(parcel).toMatchObject({ category: 'delivery', kind: 'complaint', actionable: true });
    expect(parcel.categoryConfidence).toBeGreaterThan(0.9);
    const outsideTaxonomy = await classifier.classify({ text: 'pacco', categories: ['billing', 'other'] });
    expect(outsideTaxonomy.category).toBe('technical');
  });

  it('answers with the built-in triage when the model takes longer than the timeout', async () => {
    const modelDir = writeTinyModelFolder(join(root, 'slow'), { ...kindModel, slow: true });
    const classifier = await createOnnxClassifier({ modelDir, timeoutMs: 1, fallback: canned });
    const triage = await classifier.classify({ text: 'grazie' });
    expect(triage.kind).toBe('complaint');
    expect(triage.model).toBe('builtin@test');
    expect(triage.explanation.at(-1)).toBe('onnx unavailable (no answer in 1 ms); built-in triage used');
  });

  it('refuses to start on a folder that misses files, naming them', async () => {
    const modelDir = writeTinyModelFolder(join(root, 'incomplete'), kindModel);
    rmSync(join(modelDir, 'tokenizer.json'));
    rmSync(join(modelDir, 'onnx'), { recursive: true });
    const start = (dir: string) => createOnnxClassifier({ modelDir: dir, timeoutMs: 100, fallback: canned });
    await expect(start(modelDir)).rejects.toThrow(
      `the ONNX model folder ${modelDir} misses tokenizer.json, onnx/model.onnx (or model.onnx)`,
    );
    await expect(start(join(root, 'nowhere'))).rejects.toThrow(/ONNX model folder .*nowhere does not exist/);
  });

  it('refuses a label mapping that names unknown labels or leaves every label unmapped', async () => {
    const modelDir = writeTinyModelFolder(join(root, 'opaque'), {
      labels: ['LABEL_0', 'LABEL_1'],
      wordLogits: { rotto: [0, 4] },
    });
    const start = (mapping: string | undefined) =>
      createOnnxClassifier({
        modelDir,
        ...(mapping === undefined ? {} : { labels: onnxLabelMapping.parse(mapping) }),
        timeoutMs: 100,
        fallback: canned,
      });
    await expect(start(undefined)).rejects.toThrow(/no label of the ONNX model maps .*labels are LABEL_0, LABEL_1/);
    await expect(start('LABEL_2=complaint')).rejects.toThrow(/the label mapping names LABEL_2/);
  });

  it('says which package to install when Transformers.js is absent', async () => {
    const modelDir = writeTinyModelFolder(join(root, 'no-package'), kindModel);
    await expect(
      createOnnxClassifier({
        modelDir,
        timeoutMs: 100,
        fallback: canned,
        transformersPackage: '@ascolta/not-installed',
      }),
    ).rejects.toThrow(/needs the optional package @ascolta\/not-installed, which is not installed/);
  });
});
