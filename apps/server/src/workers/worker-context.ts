import type { Classifier, Clock, IdGenerator, Store } from '@ascolta/core';
import type { ChannelEndpoints } from '../channels/channel-endpoints.ts';
import type { SurveyLinks } from '../routes/survey-links.ts';

/** What every job handler of this process works with; built once in `startWorkers`. */
export interface WorkerContext {
  store: Store;
  /** Loaded once per process: the built-in models take a moment to read. */
  classifier: Classifier;
  clock: Clock;
  ids: IdGenerator;
  endpoints: ChannelEndpoints;
  pollIntervalSeconds: number;
  /** Signs survey answer links; null when no survey secret is configured. */
  surveyLinks: SurveyLinks | null;
  log: (line: string) => void;
}
