import { describe, expect, it } from 'vitest';
import type { CompanyClassifier } from '../training/company-model-files.ts';
import { loadBuiltinTriage } from './load-builtin-triage.ts';
import { withCompanyModel } from './with-company-model.ts';

/** A workspace model that has learnt one word: the company's own product name means billing. */
const companyModel = (labels: readonly string[], pick: (text: string) => string): CompanyClassifier => ({
  labels,
  predict: (text) => {
    const label = pick(text);
    return {
      label,
      scores: Object.fromEntries(labels.map((other) => [other, other === label ? 0.8 : 0.2 / (labels.length - 1)])),
    };
  },
});

describe('withCompanyModel', () => {
  const builtin = loadBuiltinTriage();
  const text = 'Il canone Fibra Casa di questo mese è sbagliato, mi avete addebitato 30 euro in più';

  it('lets the workspace model take the category, keeping the rest and saying so', async () => {
    const general = await builtin.classify({ text });
    const classifier = withCompanyModel(builtin, {
      model: companyModel(['billing', 'technical'], (post) => (/fibra casa/i.test(post) ? 'technical' : 'billing')),
      field: 'category',
      name: 'acme-2026-11',
    });
    const triage = await classifier.classify({ text });
    expect(triage).toMatchObject({ category: 'technical', categoryConfidence: 0.8, language: general.language });
    expect(triage.entities).toEqual(general.entities);
    expect(triage.explanation.at(-1)).toBe('category by the workspace model acme-2026-11: technical (80%)');
    expect(triage.model).toBe(`${general.model}+acme-2026-11`);
  });

  it('decides ticket-or-ignore with an actionable model and refuses a model whose labels do not fit', async () => {
    const ignoring = withCompanyModel(builtin, {
      model: companyModel(['actionable', 'not_actionable'], () => 'not_actionable'),
      field: 'actionable',
      name: 'acme',
    });
    const triage = await ignoring.classify({ text });
    expect(triage.actionable).toBe(false);
    expect(triage.scores.actionable).toBeCloseTo(0.2);
    const categories = companyModel(['billing', 'technical'], () => 'billing');
    expect(() => withCompanyModel(builtin, { model: categories, field: 'actionable', name: 'x' })).toThrow(
      /needs the labels actionable and not_actionable \(it has billing, technical\)/,
    );
    expect(() => withCompanyModel(builtin, { model: categories, field: 'kind', name: 'x' })).toThrow(
      /only message kinds; not: billing, technical/,
    );
  });
});
