/**
 * One slot, two queues: whoever waits in the foreground queue goes before anyone in the background queue.
 * PGlite is one session on the process's only thread, so a webhook that queued behind a row of pipeline
 * transactions would wait for all of them; with the gate it waits for the one running at most.
 */
export interface PriorityGate {
  run<T>(isBackground: boolean, work: () => Promise<T>): Promise<T>;
  /** Foreground work is running or waiting: background loops should not start more. */
  hasForegroundWork(): boolean;
}

export const createPriorityGate = (): PriorityGate => {
  let isBusy = false;
  let foregroundActive = 0;
  const foreground: Array<() => void> = [];
  const background: Array<() => void> = [];

  const acquire = (isBackground: boolean): Promise<void> =>
    new Promise((resolve) => {
      if (!isBusy) {
        isBusy = true;
        resolve();
      } else {
        (isBackground ? background : foreground).push(resolve);
      }
    });

  const release = (): void => {
    const request = foreground.shift();
    if (request !== undefined) {
      request();
      return;
    }
    if (background.length === 0) {
      isBusy = false;
      return;
    }
    // Duty cycle: before more background work, let pending I/O (a webhook being read) reach the queue.
    setImmediate(() => {
      const next = foreground.shift() ?? background.shift();
      if (next === undefined) isBusy = false;
      else next();
    });
  };

  return {
    async run(isBackground, work) {
      if (!isBackground) foregroundActive += 1;
      try {
        await acquire(isBackground);
        try {
          return await work();
        } finally {
          release();
        }
      } finally {
        if (!isBackground) foregroundActive -= 1;
      }
    },
    hasForegroundWork: () => foregroundActive > 0,
  };
};
