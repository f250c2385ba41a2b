export interface WebhookRetryPolicy {
  /** HTTP attempts per (re)delivery before it is marked failed. */
  maxAttempts: number;
  /** Delay before the second attempt; each later one doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** ±share of the delay drawn at random, so failed receivers are not hit by synchronised waves. */
  jitterRatio: number;
}

/** 10 attempts over about 4 hours: 30 s, 1, 2, 4, 8, 16, 32, 64 min, then 2 h (each ±20 %). */
export const defaultWebhookRetryPolicy: WebhookRetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 2 * 3_600_000,
  jitterRatio: 0.2,
};

/**
 * The wait after the `failedAttempts`-th failure (1-based), or null when the delivery should give up.
 * `random` is a number in [0, 1) supplied by the caller, so the function stays pure.
 */
export const webhookRetryDelayMs = (
  failedAttempts: number,
  policy: WebhookRetryPolicy,
  random: number,
): number | null => {
  if (failedAttempts >= policy.maxAttempts) return null;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  const jitter = exponential * policy.jitterRatio * (2 * random - 1);
  return Math.max(0, Math.round(exponential + jitter));
};
