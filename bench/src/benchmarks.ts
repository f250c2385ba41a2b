import type { Benchmark } from './benchmark.ts';
import { inboxBenchmark } from './inbox-bench.ts';
import { ingestBenchmark } from './ingest-bench.ts';
import { pipelineBenchmark } from './pipeline-bench.ts';
import { reportsBenchmark } from './reports-bench.ts';
import { storeBenchmark } from './store-bench.ts';
import { triageBenchmark } from './triage-bench.ts';
import { webhooksBenchmark } from './webhooks-bench.ts';

/** Every benchmark `ascolta bench <name>` can run. */
export const benchmarks: Record<string, Benchmark> = {
  triage: triageBenchmark,
  ingest: ingestBenchmark,
  store: storeBenchmark,
  pipeline: pipelineBenchmark,
  reports: reportsBenchmark,
  inbox: inboxBenchmark,
  webhooks: webhooksBenchmark,
};
