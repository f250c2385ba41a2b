import type { BusinessHours } from '../agent/agent.ts';
import { openWindowsFrom } from './open-windows-from.ts';

/**
 * The instant `minutes` of open time after `start`; wall-clock minutes when there is no calendar.
 * A due time that lands exactly on closing stays there rather than moving to the next opening.
 */
export const addBusinessMinutes = (start: Date, minutes: number, hours: BusinessHours | null): Date => {
  if (hours === null) return new Date(start.getTime() + minutes * 60_000);
  let remainingMs = minutes * 60_000;
  for (const window of openWindowsFrom(start, hours)) {
    const availableMs = window.end.getTime() - window.start.getTime();
    if (remainingMs <= availableMs) return new Date(window.start.getTime() + remainingMs);
    remainingMs -= availableMs;
  }
  // openWindowsFrom throws before it runs out; this keeps the compiler sure of the return.
  throw new Error('unreachable: open windows ended');
};
