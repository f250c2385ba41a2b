/**
 * Runs `stop` once on SIGINT/SIGTERM; a second signal, or `stop` outliving the timeout, exits at once.
 * Returns a function that removes the handlers (for tests and embedded use).
 */
export const shutdownOnSignals = (
  stop: (signal: string) => Promise<void>,
  timeoutMs: number,
  log: (line: string) => void,
): (() => void) => {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`received ${signal} again: exiting now`);
      process.exit(130);
    }
    stopping = true;
    log(`received ${signal}: finishing in-flight work (up to ${timeoutMs} ms)`);
    const timer = setTimeout(() => {
      log('shutdown timed out: exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    stop(signal).then(
      () => {
        clearTimeout(timer);
        process.exitCode = 0;
      },
      (error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
};
