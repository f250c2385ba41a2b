import { describe, expect, it } from 'vitest';
import {
  type PriorityFormValues,
  parsePriorityForm,
  parseTargetsForm,
  type TargetsForm,
} from './settings-validation.ts';

const priority: PriorityFormValues = {
  weights: {
    severity: 30,
    sentiment: 10,
    urgency: 20,
    customerValue: 15,
    influence: 10,
    repeatContacts: 5,
    crossChannel: 5,
    slaTimeLeft: 5,
  },
  bands: { normal: 20, high: 40, urgent: 60 },
};
const row = { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 1440 };
const targets: TargetsForm = { low: row, normal: row, high: row, urgent: row };

describe('supervisor settings forms', () => {
  it('accepts valid settings and reads typed numbers', () => {
    expect(parsePriorityForm({ ...priority, weights: { ...priority.weights, influence: '7' } })).toEqual({
      settings: { ...priority, weights: { ...priority.weights, influence: 7 } },
    });
    expect(parseTargetsForm(targets)).toEqual({ targets });
  });

  it('names each wrong field with its rule', () => {
    expect(parsePriorityForm({ ...priority, weights: { ...priority.weights, urgency: 101, sentiment: '' } })).toEqual({
      errors: { 'weights.urgency': 'supervisor.weightRange', 'weights.sentiment': 'supervisor.weightRange' },
    });
    expect(parsePriorityForm({ ...priority, bands: { normal: 50, high: 40, urgent: 90 } })).toEqual({
      errors: { 'bands.high': 'supervisor.bandsRise' },
    });
    expect(parseTargetsForm({ ...targets, high: { ...row, resolutionMinutes: 0.5 } })).toEqual({
      errors: { 'targets.high.resolutionMinutes': 'supervisor.minutesRange' },
    });
  });
});
