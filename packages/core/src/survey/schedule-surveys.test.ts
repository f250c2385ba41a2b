import { describe, expect, it } from 'vitest';
import { createMemoryRepositories } from '../pipeline/memory-repositories.test-support.ts';
import { anInboundTweet, emptyState, fakeClassifier, now } from '../pipeline/pipeline-fixtures.test-support.ts';
import { processInbound } from '../pipeline/process-inbound.ts';
import { defaultPriorityBands, defaultPriorityWeights } from '../priority/default-priority-settings.ts';
import { defaultSurveySettings, type SurveySettings } from './survey-settings.ts';

// The bot's own resolution in the pipeline queues the delayed survey job when the workspace wants one.
const autoAnswered = async (surveys: SurveySettings) => {
  const state = emptyState();
  let sequence = 0;
  state.settings = {
    priorityWeights: defaultPriorityWeights,
    priorityBands: defaultPriorityBands,
    automation: { delivery: { isAutomated: true, minConfidence: 0.8 } },
    surveys,
  };
  state.infoRequests = [];
  state.templates = [
    {
      id: 'kb',
      workspaceId: 'ws',
      kind: 'answer',
      name: 'Tracking',
      category: 'delivery',
      language: 'it',
      body: 'Trovi lo stato del pacco su example.com/track.',
      autoAnswerThreshold: null,
    },
  ];
  state.messages.push(anInboundTweet('in-1', 'Il mio pacco non è arrivato'));
  const deps = {
    repos: createMemoryRepositories(state),
    classifier: fakeClassifier,
    clock: { now: () => now },
    ids: { newId: () => `id-${++sequence}` },
  };
  await processInbound(deps, { workspaceId: 'ws', messageId: 'in-1' });
  expect(state.tickets[0]?.status).toBe('resolved');
  return state.jobs.filter((job) => job.name === 'survey.send');
};

describe('surveys of the bot’s resolutions', () => {
  it('queues the survey job after the delay when bot resolutions are surveyed', async () => {
    const jobs = await autoAnswered({ ...defaultSurveySettings, isEnabled: true, includeAutomatedResolutions: true });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.data).toMatchObject({ workspaceId: 'ws', resolvedAt: now.toISOString(), isAutomated: true });
    expect(jobs[0]?.options).toMatchObject({ startAfter: new Date(now.getTime() + 60 * 60_000) });
  });

  it('queues nothing when they are not, or surveys are off', async () => {
    expect(await autoAnswered({ ...defaultSurveySettings, isEnabled: true })).toHaveLength(0);
    expect(await autoAnswered(defaultSurveySettings)).toHaveLength(0);
  });
});
