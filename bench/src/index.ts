export type { Benchmark } from './benchmark.ts';
export { percentile, round } from './benchmark.ts';
export { benchmarks } from './benchmarks.ts';
