import type { BusinessHours } from '../agent/agent.ts';
import { openWindowsFrom } from './open-windows-from.ts';

/** The first instant at or after `from` when the calendar is open: `from` itself while open. */
export const nextOpeningAt = (from: Date, hours: BusinessHours): Date => {
  for (const window of openWindowsFrom(from, hours)) return window.start;
  throw new Error('unreachable: open windows ended');
};
