import type { TriageFeedback } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel } from '../model/model-codec.ts';
import { companyClassifier } from './company-model-files.ts';
import { feedbackToRows } from './feedback-to-rows.ts';
import { trainCompanyModel } from './train-company-model.ts';

const rows = [
  ...['my invoice is wrong', 'charged twice on my bill', 'refund the extra fee', 'bill too high this month'].map(
    (text) => ({ text, label: 'billing' }),
  ),
  ...['wifi keeps dropping', 'router is broken', 'no internet since monday', 'line is down again'].map((text) => ({
    text,
    label: 'fault',
  })),
];

describe('trainCompanyModel', () => {
  it('learns any labels from a company’s rows and survives a save and load', () => {
    const model = trainCompanyModel(rows);
    const reloaded = companyClassifier(decodeModel(encodeModel(model)).model);
    expect(reloaded.labels).toEqual(['billing', 'fault']);
    expect(reloaded.predict('the bill has a wrong fee').label).toBe('billing');
    const prediction = reloaded.predict('internet is down, router broken');
    expect(prediction.label).toBe('fault');
    expect((prediction.scores.fault ?? 0) + (prediction.scores.billing ?? 0)).toBeCloseTo(1, 2);
  });

  it('is deterministic: the same rows give byte-identical model files', () => {
    expect(encodeModel(trainCompanyModel(rows))).toEqual(encodeModel(trainCompanyModel(rows)));
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
