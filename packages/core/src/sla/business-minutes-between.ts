import type { BusinessHours } from '../agent/agent.ts';
import { openWindowsFrom } from './open-windows-from.ts';

/** Open minutes from `from` to `to` (negative when `to` is earlier); wall-clock minutes without a calendar. */
export const businessMinutesBetween = (from: Date, to: Date, hours: BusinessHours | null): number => {
  if (to.getTime() < from.getTime()) return -businessMinutesBetween(to, from, hours);
  if (hours === null) return (to.getTime() - from.getTime()) / 60_000;
  let totalMs = 0;
  for (const window of openWindowsFrom(from, hours)) {
    if (window.start.getTime() >= to.getTime()) break;
    totalMs += Math.min(window.end.getTime(), to.getTime()) - window.start.getTime();
  }
  return totalMs / 60_000;
};
