import { describe, expect, it } from 'vitest';
import type { Template } from '../template/template.ts';
import { type AutoAnswerInput, chooseAutoAnswer } from './choose-auto-answer.ts';

const template = (overrides: Partial<Template> = {}): Template => ({
  id: 'kb-hours',
  workspaceId: 'ws',
  kind: 'answer',
  name: 'Orari negozi',
  category: 'product-info',
  language: 'it',
  body: 'Ciao {{customer.name}}, i negozi sono aperti dalle 9 alle 20.',
  autoAnswerThreshold: null,
  ...overrides,
});

const input = (overrides: Partial<AutoAnswerInput> = {}): AutoAnswerInput => ({
  triage: { actionable: true, category: 'product-info', confidence: 0.9, categoryConfidence: 0.85 },
  language: 'it',
  templates: [template({ kind: 'macro', id: 'macro' }), template(), template({ id: 'kb-en', language: 'en' })],
  automation: {
    'product-info': { isAutomated: true, minConfidence: 0.8 },
    billing: { isAutomated: false, minConfidence: 0 },
  },
  variables: { 'customer.name': 'Luca' },
  ...overrides,
});

describe('chooseAutoAnswer', () => {
  it('answers from the knowledge base in the customer language and always offers a person', () => {
    expect(chooseAutoAnswer(input())).toEqual({
      kind: 'answer',
      templateId: 'kb-hours',
      text: 'Ciao Luca, i negozi sono aperti dalle 9 alle 20. Se preferisci parlare con una persona, rispondi «operatore».',
    });
    const english = chooseAutoAnswer(input({ language: 'en' }));
    expect(english).toMatchObject({ kind: 'answer', templateId: 'kb-en' });
    expect(english.kind === 'answer' && english.text.endsWith('reply "agent".')).toBe(true);
  });

  it('stays silent when the category is not automated', () => {
    const triage = { ...input().triage, category: 'billing' };
    expect(chooseAutoAnswer(input({ triage, templates: [template({ category: 'billing' })] }))).toEqual({
      kind: 'none',
      reason: 'billing is not automated',
    });
    expect(chooseAutoAnswer(input({ automation: {} })).kind).toBe('none');
  });

  it('stays silent below the category or the answer threshold', () => {
    const unsure = { ...input().triage, categoryConfidence: 0.79 };
    expect(chooseAutoAnswer(input({ triage: unsure }))).toEqual({ kind: 'none', reason: 'confidence 0.79 below 0.8' });
    expect(chooseAutoAnswer(input({ templates: [template({ autoAnswerThreshold: 0.95 })] })).kind).toBe('none');
  });

  it('never answers in another language or with a broken template', () => {
    expect(chooseAutoAnswer(input({ language: 'de' }))).toEqual({
      kind: 'none',
      reason: 'no de answer for product-info',
    });
    const broken = chooseAutoAnswer(input({ templates: [template({ body: 'Ordine {{order.id}}' })] }));
    expect(broken).toEqual({ kind: 'none', reason: 'Unknown template variables: order.id' });
  });
});
