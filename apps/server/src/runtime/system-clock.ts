import type { Clock } from '@ascolta/core';

export const systemClock: Clock = { now: () => new Date() };
