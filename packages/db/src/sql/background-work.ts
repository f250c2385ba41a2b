import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/** Marks everything `work` does (and what it awaits) as background work: it yields to requests being served. */
export const runAsBackground = <T>(work: () => Promise<T>): Promise<T> => background.run(true, work);

export const isBackgroundWork = (): boolean => background.getStore() === true;
