export interface LockoutPolicy {
  maxFailures: number;
  windowMinutes: number;
}

/** Five wrong passwords within fifteen minutes lock the account until the oldest of them ages out. */
export const defaultLockoutPolicy: LockoutPolicy = { maxFailures: 5, windowMinutes: 15 };

export type LockoutDecision = { isLocked: false } | { isLocked: true; retryAfterSeconds: number };

/** Decides from the recent failures (oldest first, all inside the window) whether sign-in is refused. */
export const signInLockout = (
  recentFailures: readonly Date[],
  now: Date,
  policy: LockoutPolicy = defaultLockoutPolicy,
): LockoutDecision => {
  if (recentFailures.length < policy.maxFailures) return { isLocked: false };
  // The lock lifts when enough failures leave the window that fewer than `maxFailures` remain.
  const pivot = recentFailures[recentFailures.length - policy.maxFailures];
  if (pivot === undefined) return { isLocked: false };
  const unlocksAt = pivot.getTime() + policy.windowMinutes * 60_000;
  return { isLocked: true, retryAfterSeconds: Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 1000)) };
};
