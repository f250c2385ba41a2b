import { describe, expect, it } from 'vitest';
import { defaultSelection, localDate, reportParams, selectionProblem } from './report-query.ts';

describe('the reports page query', () => {
  it('counts the default 30 days in the chosen time zone', () => {
    // 23:30 UTC on 20 Nov is already 21 Nov in Rome.
    const now = new Date('2026-11-20T23:30:00Z');
    expect(localDate(now, 'Europe/Rome')).toBe('2026-11-21');
    expect(defaultSelection(now, 'Europe/Rome')).toMatchObject({ from: '2026-10-23', to: '2026-11-21' });
    expect(defaultSelection(now, 'UTC')).toMatchObject({ from: '2026-10-22', to: '2026-11-20' });
  });

  it('sends the filters and lets a drill-down narrow them to a bucket and a series', () => {
    const selection = { ...defaultSelection(new Date('2026-11-20T12:00:00Z'), 'UTC'), category: 'billing' };
    const params = reportParams(selection, { bucketStart: '2026-11-19T00:00:00.000Z', channel: 'ch-1' });
    expect(Object.fromEntries(params)).toEqual({
      from: '2026-10-22',
      to: '2026-11-20',
      timeZone: 'UTC',
      bucket: 'day',
      category: 'billing',
      channel: 'ch-1',
      bucketStart: '2026-11-19T00:00:00.000Z',
    });
  });

  it('names what the server would refuse before asking', () => {
    const base = defaultSelection(new Date('2026-11-20T12:00:00Z'), 'UTC');
    expect(selectionProblem(base)).toBeNull();
    expect(selectionProblem({ ...base, to: '' })).toBe('missingDates');
    expect(selectionProblem({ ...base, from: '2026-11-21' })).toBe('toBeforeFrom');
    expect(selectionProblem({ ...base, bucket: 'hour' })).toBeNull();
    expect(selectionProblem({ ...base, from: '2026-09-01', bucket: 'hour' })).toBe('hourlyTooLong');
    expect(selectionProblem({ ...base, from: '2025-01-01' })).toBe('rangeTooLong');
  });
});
