import type { CategoryAutomation } from '../answer/choose-auto-answer.ts';
import type { Channel } from '../channel/channel.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import { defaultIncidentOptions, type IncidentOptions } from '../incident/detect-incident.ts';
import type { CareLanguage, ToneOfVoice } from '../info-request/care-texts.ts';
import type { Message } from '../message/message.ts';
import type { Classifier } from '../ports/classifier.ts';
import type { Clock, IdGenerator } from '../ports/clock.ts';
import type { Repositories, WorkspaceSettings } from '../ports/store.ts';
import { defaultPriorityBands, defaultPriorityWeights } from '../priority/default-priority-settings.ts';
import type { PrioritySettings } from '../priority/score-priority.ts';
import { defaultThreadingOptions, type ThreadingOptions } from '../threading/thread-message.ts';
import type { WorkspaceConfigCache } from './run-repositories.ts';

/** The ports `processInbound` works through; `repos` are the surrounding transaction's. */
export interface ProcessInboundDeps {
  repos: Repositories;
  classifier: Classifier;
  clock: Clock;
  ids: IdGenerator;
  /** A worker's cache of the workspace configuration across messages; without it each run reads its own. */
  configCache?: WorkspaceConfigCache;
}

export interface PipelineSettings {
  priority: PrioritySettings;
  automation: Readonly<Record<string, CategoryAutomation>>;
  threading: ThreadingOptions;
  incidents: IncidentOptions;
  tone: Partial<Record<CareLanguage, ToneOfVoice>>;
}

/** One run of the pipeline over one inbound message: what every step reads, and the events it adds. */
export interface PipelineRun {
  deps: ProcessInboundDeps;
  now: Date;
  workspaceId: string;
  message: Message;
  channel: Channel;
  settings: PipelineSettings;
  /** Appended in one batch at the end, inside the same transaction. */
  events: UnstampedEvent[];
}

/** The workspace's settings with the defaults filled in; a workspace without settings gets all defaults. */
export const resolvePipelineSettings = (stored: WorkspaceSettings | null): PipelineSettings => ({
  priority: {
    weights: stored?.priorityWeights ?? defaultPriorityWeights,
    bands: stored?.priorityBands ?? defaultPriorityBands,
  },
  automation: stored?.automation ?? {},
  threading: stored?.threading ?? defaultThreadingOptions,
  incidents: stored?.incidents ?? defaultIncidentOptions,
  tone: stored?.tone ?? {},
});
export { applyDueDates, slaCheckKey } from './apply-due-dates.ts';
export { createWorkspaceConfigCache, type WorkspaceConfigCache } from './run-repositories.ts';
