/** One benchmark: prints progress as it likes; its summary becomes the last line, as JSON. */
export interface Benchmark {
  summary: string;
  help: string;
  run(args: string[], log: (line: string) => void): Promise<Record<string, unknown>>;
}

/** Percentile of already sorted numbers, nearest-rank. */
export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
};

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
