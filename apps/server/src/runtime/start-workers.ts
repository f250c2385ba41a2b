import type { Store } from '@ascolta/core';
import { createJobRunner } from '@ascolta/db';
import type { Config } from '../config.ts';

export interface Workers {
  isRunning(): boolean;
  stop(): Promise<void>;
}

/** Starts the job workers of this process; handlers are registered here as pipeline stages land. */
export const startWorkers = async (store: Store, config: Config): Promise<Workers> => {
  const runner = createJobRunner(store, { concurrency: config.workerConcurrency });
  await runner.start();
  let running = true;
  return {
    isRunning: () => running,
    async stop() {
      running = false;
      await runner.stop();
    },
  };
};
