import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinTriage, saveCompanyModel, trainCompanyModel } from '@ascolta/ai';
import { writeTinyModelFolder } from '@ascolta/ai/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createClassifier } from './create-classifier.ts';

const root = mkdtempSync(join(tmpdir(), 'ascolta-classifier-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const builtin = loadBuiltinTriage();

describe('createClassifier', () => {
  it('is the built-in triage by default', async () => {
    expect(await createClassifier(loadConfig({}), builtin, () => undefined)).toBe(builtin);
  });

  it('loads the ONNX model folder and label mapping named by the environment', async () => {
    const modelDir = writeTinyModelFolder(join(root, 'complaints'), {
      labels: ['LABEL_0', 'LABEL_1'],
      wordLogits: { rotto: [0, 12], grazie: [12, 0] },
      layout: 'root',
    });
    const config = loadConfig({
      ASCOLTA_TRIAGE_ADAPTER: 'onnx',
      ASCOLTA_TRIAGE_ONNX_DIR: modelDir,
      ASCOLTA_TRIAGE_ONNX_LABELS: 'LABEL_0=none,LABEL_1=complaint',
    });
    const lines: string[] = [];
    const classifier = await createClassifier(config, builtin, (line) => lines.push(line));
    expect(lines).toEqual([`triage: ONNX model in ${modelDir} (2000 ms, then ${builtin.name})`]);
    const triage = await classifier.classify({ text: 'Il router è rotto' });
    expect(triage).toMatchObject({ model: 'onnx:complaints', kind: 'complaint', actionable: true, language: 'it' });
    expect(triage.scores['onnx.LABEL_1']).toBeGreaterThan(0.5);
  });

  it('lets a model made by `triage train` take the category, and names the variable of a bad folder', async () => {
    const rows = [
      ...['canone sbagliato', 'addebito doppio', 'bolletta troppo alta', 'rimborso del canone'].map((text) => ({
        text,
        label: 'billing',
      })),
      ...['fibra casa lenta', 'modem fibra casa spento', 'fibra casa non va', 'linea fibra casa assente'].map(
        (text) => ({ text, label: 'technical' }),
      ),
    ];
    const modelDir = join(root, 'acme');
    saveCompanyModel(modelDir, trainCompanyModel(rows), { hints: 'none', rows: rows.length });
    const lines: string[] = [];
    const config = loadConfig({ ASCOLTA_TRIAGE_COMPANY_MODEL: modelDir });
    const classifier = await createClassifier(config, builtin, (line) => lines.push(line));
    expect(lines).toEqual([`triage: category by the workspace model in ${modelDir}`]);
    const triage = await classifier.classify({ text: 'la fibra casa oggi non va' });
    expect(triage).toMatchObject({ category: 'technical', model: `${builtin.name}+acme` });

    const wrongField = loadConfig({
      ASCOLTA_TRIAGE_COMPANY_MODEL: modelDir,
      ASCOLTA_TRIAGE_COMPANY_FIELD: 'actionable',
    });
    await expect(createClassifier(wrongField, builtin, () => undefined)).rejects.toThrow(
      /^ASCOLTA_TRIAGE_COMPANY_MODEL: a model for 'actionable' needs the labels/,
    );
    const missing = loadConfig({ ASCOLTA_TRIAGE_COMPANY_MODEL: join(root, 'nowhere') });
    await expect(createClassifier(missing, builtin, () => undefined)).rejects.toThrow(
      /^ASCOLTA_TRIAGE_COMPANY_MODEL: no trained model in/,
    );
    expect(() => loadConfig({ ASCOLTA_TRIAGE_COMPANY_MODEL: modelDir, ASCOLTA_TRIAGE_COMPANY_FIELD: 'mood' })).toThrow(
      /ASCOLTA_TRIAGE_COMPANY_FIELD/,
    );
  });
});
