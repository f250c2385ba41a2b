import type { Benchmark } from './benchmark.ts';

/** Every benchmark `ascolta bench <name>` can run. */
export const benchmarks: Record<string, Benchmark> = {};
