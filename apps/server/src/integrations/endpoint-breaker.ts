/**
 * Remembers, in this process, endpoints that did not answer (timeout, refused connection) several times in a
 * row. While one is paused its deliveries are not sent but rescheduled at once, so a dead receiver does not hold
 * the delivery queue for a timeout per attempt and delay every other endpoint's events. After the pause the next
 * delivery tries for real.
 */
export interface EndpointBreaker {
  isPaused(endpointId: string, nowMs: number): boolean;
  /** `isUnreachable`: the attempt got no HTTP answer at all. */
  record(endpointId: string, isUnreachable: boolean, nowMs: number): void;
}

export const createEndpointBreaker = (failuresToPause: number, pauseMs: number): EndpointBreaker => {
  const failing = new Map<string, { consecutive: number; pausedUntilMs: number }>();
  return {
    isPaused: (endpointId, nowMs) => (failing.get(endpointId)?.pausedUntilMs ?? 0) > nowMs,
    record(endpointId, isUnreachable, nowMs) {
      if (!isUnreachable) {
        failing.delete(endpointId);
        return;
      }
      const consecutive = (failing.get(endpointId)?.consecutive ?? 0) + 1;
      const pausedUntilMs = consecutive >= failuresToPause ? nowMs + pauseMs : 0;
      failing.set(endpointId, { consecutive, pausedUntilMs });
    },
  };
};
