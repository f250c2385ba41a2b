export interface ContiguousTake {
  /** How many of the listed events the reader may consume now (a prefix). */
  count: number;
  /** The cursor's new `gapSeenAt`. */
  gapSeenAt: Date | null;
}

/**
 * Event sequences are handed out when a transaction inserts, not when it commits: a reader can see 12 before
 * 11 has committed, and a cursor moved past 11 would skip it for ever. So the reader consumes only the run of
 * sequences right after its cursor; at a hole it waits, and only after `graceMs` (a rolled-back transaction
 * leaves a hole for ever) does it step over it. `sequences` is ascending.
 */
export const takeContiguousEvents = (
  lastSequence: number,
  sequences: readonly number[],
  gapSeenAt: Date | null,
  now: Date,
  graceMs: number,
): ContiguousTake => {
  const count = runLength(lastSequence + 1, sequences);
  if (count > 0 || sequences.length === 0) return { count, gapSeenAt: null };
  // The hole is right after the cursor: wait, then step over this hole only (later ones get their own wait).
  if (gapSeenAt === null) return { count: 0, gapSeenAt: now };
  if (now.getTime() - gapSeenAt.getTime() < graceMs) return { count: 0, gapSeenAt };
  return { count: runLength(sequences[0] ?? 0, sequences), gapSeenAt: null };
};

/** How many of `sequences` follow one another from `first` on. */
const runLength = (first: number, sequences: readonly number[]): number => {
  let count = 0;
  while (count < sequences.length && sequences[count] === first + count) count += 1;
  return count;
};
