import { describe, expect, it } from 'vitest';
import type { BusinessHours, OpeningInterval } from '../agent/agent.ts';
import { addBusinessMinutes } from './add-business-minutes.ts';
import { businessMinutesBetween } from './business-minutes-between.ts';
import { localDateParts } from './local-date-parts.ts';
import { localTimeToInstant } from './local-time-to-instant.ts';
import { nextOpeningAt } from './next-opening-at.ts';

const weekdays = [1, 2, 3, 4, 5] as const;
const officeHours: BusinessHours = {
  id: 'bh-rome',
  workspaceId: 'ws',
  name: 'Rome office',
  timeZone: 'Europe/Rome',
  intervals: weekdays.map((day): OpeningInterval => ({ day, startMinute: 9 * 60, endMinute: 18 * 60 })),
  holidays: ['2026-04-06'],
};
const allDay: BusinessHours = {
  ...officeHours,
  intervals: ([0, 1, 2, 3, 4, 5, 6] as const).map((day): OpeningInterval => ({ day, startMinute: 0, endMinute: 1440 })),
  holidays: [],
};
const at = (iso: string): Date => new Date(iso);

describe('local time in Europe/Rome', () => {
  it('reads the wall clock on both sides of the spring DST change', () => {
    expect(localDateParts(at('2026-03-29T00:30:00Z'), 'Europe/Rome')).toMatchObject({ day: 29, minuteOfDay: 90 });
    expect(localDateParts(at('2026-03-29T01:30:00Z'), 'Europe/Rome')).toMatchObject({ day: 29, minuteOfDay: 210 });
  });

  it('maps wall-clock times to instants with the right offset', () => {
    const date = { year: 2026, month: 3, day: 30 };
    expect(localTimeToInstant(date, 9 * 60, 'Europe/Rome').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    const winter = { year: 2026, month: 3, day: 27 };
    expect(localTimeToInstant(winter, 9 * 60, 'Europe/Rome').toISOString()).toBe('2026-03-27T08:00:00.000Z');
  });

  it('resolves the skipped and the repeated hour', () => {
    const spring = { year: 2026, month: 3, day: 29 };
    expect(localTimeToInstant(spring, 150, 'Europe/Rome').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    const autumn = { year: 2026, month: 10, day: 25 };
    expect(localTimeToInstant(autumn, 150, 'Europe/Rome').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('addBusinessMinutes', () => {
  it('counts wall-clock minutes without a calendar', () => {
    expect(addBusinessMinutes(at('2026-03-27T16:00:00Z'), 90, null).toISOString()).toBe('2026-03-27T17:30:00.000Z');
  });

  it('carries minutes over the weekend and across the DST change', () => {
    // Friday 17:00 CET + 2 business hours = Monday 10:00 CEST.
    expect(addBusinessMinutes(at('2026-03-27T16:00:00Z'), 120, officeHours).toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  it('starts counting at the next opening when it starts outside hours', () => {
    // Saturday noon + 30 min = Monday 09:30 CEST.
    expect(addBusinessMinutes(at('2026-03-28T11:00:00Z'), 30, officeHours).toISOString()).toBe(
      '2026-03-30T07:30:00.000Z',
    );
  });

  it('skips holidays', () => {
    // Friday 3 April 17:00 + 2 h: Easter Monday is closed, so Tuesday 10:00.
    expect(addBusinessMinutes(at('2026-04-03T15:00:00Z'), 120, officeHours).toISOString()).toBe(
      '2026-04-07T08:00:00.000Z',
    );
  });

  it('counts real minutes through the skipped hour of a 24/7 calendar', () => {
    // Saturday 23:00 CET + 3 h = Sunday 03:00 CEST, which is 01:00 UTC.
    expect(addBusinessMinutes(at('2026-03-28T22:00:00Z'), 180, allDay).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});

describe('businessMinutesBetween', () => {
  it('sees the short spring day and the long autumn day', () => {
    expect(businessMinutesBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'), allDay)).toBe(1380);
    expect(businessMinutesBetween(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'), allDay)).toBe(1500);
  });

  it('counts only open time and is the inverse of addBusinessMinutes', () => {
    const from = at('2026-03-27T15:00:00Z');
    const to = addBusinessMinutes(from, 600, officeHours);
    expect(businessMinutesBetween(from, to, officeHours)).toBe(600);
    expect(businessMinutesBetween(to, from, officeHours)).toBe(-600);
  });
});

describe('nextOpeningAt', () => {
  it('is the moment itself while open, else the next opening', () => {
    const open = at('2026-03-30T08:00:00Z');
    expect(nextOpeningAt(open, officeHours)).toEqual(open);
    expect(nextOpeningAt(at('2026-03-28T11:00:00Z'), officeHours).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('rejects a calendar that never opens', () => {
    expect(() => nextOpeningAt(at('2026-03-30T08:00:00Z'), { ...officeHours, intervals: [] })).toThrowError(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });
});
