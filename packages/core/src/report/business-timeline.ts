import type { BusinessHours } from '../agent/agent.ts';
import { type OpenWindow, openWindowsFrom } from '../sla/open-windows-from.ts';

/** Business time over many tickets: the calendar's open windows listed once, then prefix sums. */
export interface BusinessTimeline {
  /** Open minutes from `from` to `to`, as `businessMinutesBetween`. */
  minutesBetween(from: Date, to: Date): number;
  /** The instant `minutes` (> 0) of open time after `start`, as `addBusinessMinutes`. */
  addMinutes(start: Date, minutes: number): Date;
}

const dayMs = 86_400_000;
// Windows are listed this far past the latest instant asked for, so extending is rare.
const aheadMs = 62 * dayMs;

const wallClock: BusinessTimeline = {
  minutesBetween: (from, to) => (to.getTime() - from.getTime()) / 60_000,
  addMinutes: (start, minutes) => new Date(start.getTime() + minutes * 60_000),
};

/**
 * A projection folds thousands of tickets through one calendar: rather than walking it day by day for each
 * (`openWindowsFrom` converts local times for every day), this lists the SLA module's open windows once with
 * the open milliseconds before each, and answers by binary search — the same results as
 * `businessMinutesBetween` and `addBusinessMinutes`, checked by the tests.
 */
export const createBusinessTimeline = (hours: BusinessHours | null): BusinessTimeline => {
  if (hours === null) return wallClock;
  let origin = Number.POSITIVE_INFINITY;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  let windows: OpenWindow[] = [];
  let openBefore: number[] = [];
  let openTotal = 0;

  const append = (from: number, until: number) => {
    for (const window of openWindowsFrom(new Date(from), hours)) {
      if (window.start.getTime() >= until) break;
      windows.push(window);
      openBefore.push(openTotal);
      openTotal += window.end.getTime() - window.start.getTime();
    }
    coveredUntil = Math.max(coveredUntil, until, windows.at(-1)?.end.getTime() ?? until);
  };
  const cover = (instant: number) => {
    if (instant < origin) {
      // Earlier than anything seen: list again from a day before it.
      origin = instant - dayMs;
      windows = [];
      openBefore = [];
      openTotal = 0;
      append(origin, Math.max(coveredUntil, instant + aheadMs));
    } else if (instant >= coveredUntil) {
      append(windows.at(-1)?.end.getTime() ?? origin, instant + aheadMs);
    }
  };
  /** Open ms from `origin` to `instant`. */
  const openAt = (instant: number): number => {
    let low = 0;
    let high = windows.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((windows[middle]?.start.getTime() ?? 0) <= instant) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const window = windows[found];
    if (window === undefined) return 0;
    return (openBefore[found] ?? 0) + Math.min(window.end.getTime(), instant) - window.start.getTime();
  };
  const minutesBetween = (from: Date, to: Date): number => {
    if (to.getTime() < from.getTime()) return -minutesBetween(to, from);
    cover(from.getTime());
    cover(to.getTime());
    return (openAt(to.getTime()) - openAt(from.getTime())) / 60_000;
  };
  const addMinutes = (start: Date, minutes: number): Date => {
    cover(start.getTime());
    const target = openAt(start.getTime()) + minutes * 60_000;
    while (openTotal < target) cover(coveredUntil);
    // The first window whose end reaches the target; a due time exactly on a closing stays there.
    let low = 0;
    let high = windows.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      const window = windows[middle];
      const endOpen = (openBefore[middle] ?? 0) + (window ? window.end.getTime() - window.start.getTime() : 0);
      if (endOpen >= target) high = middle;
      else low = middle + 1;
    }
    const window = windows[low];
    if (window === undefined) throw new Error('unreachable: the calendar has no open window');
    return new Date(window.start.getTime() + target - (openBefore[low] ?? 0));
  };
  return { minutesBetween, addMinutes };
};
