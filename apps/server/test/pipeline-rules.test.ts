import { demoAccounts, xTweetDelivery } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../src/demo/demo-credentials.ts';
import { demoId, demoWorkspaceId } from '../src/demo/demo-ids.ts';
import { type PipelineEnvironment, startPipelineEnvironment } from './support/pipeline-environment.ts';
import { type PipelineServer, startPipelineServer } from './support/start-pipeline-server.ts';
import { waitUntil } from './support/wait-until.ts';

// Issue #5: supervisors' rules (`Rule`) steer priority and routing of the messages that arrive after them.
let environment: PipelineEnvironment;
let pipeline: PipelineServer;
const technicalTeam = demoId('team', 2);
const headers = { authorization: `Bearer ${demoCredentials.apiKey}`, 'content-type': 'application/json' };

beforeAll(async () => {
  environment = await startPipelineEnvironment();
  pipeline = await startPipelineServer(environment);
}, 60_000);

afterAll(async () => {
  await pipeline?.stop();
  await environment?.stop();
});

const tweet = (tweetId: string, text: string) =>
  xTweetDelivery({
    forUserId: demoAccounts.xAccountId,
    forUserHandle: demoAccounts.xHandle,
    tweetId,
    author: {
      id: `44000000${tweetId.slice(-8)}`,
      screenName: `fan_${tweetId.slice(-4)}`,
      name: 'Fan',
      followers: 50,
      verified: false,
    },
    text: `@${demoAccounts.xHandle} ${text}`,
    at: new Date(),
    lang: 'it',
    mentionsAccount: true,
  });

const ticketOf = (tweetId: string) =>
  waitUntil(`the ticket of tweet ${tweetId}`, async () => {
    const { items } = await pipeline.store.messages.list({
      workspaceId: demoWorkspaceId,
      externalId: tweetId,
      limit: 1,
    });
    const ticketId = items[0]?.ticketId;
    return ticketId ? pipeline.store.tickets.get(demoWorkspaceId, ticketId) : null;
  });

describe('supervisor rules through the real server', () => {
  it('a rule added through the API raises the next matching ticket and routes it to the rule team', async () => {
    const rule = {
      kind: 'routing',
      name: 'Contract threats to retention',
      conditions: [{ field: 'message.text', operator: 'contains', value: 'disdetta' }],
      actions: [
        { type: 'add-priority', points: 40 },
        { type: 'assign-team', teamId: technicalTeam },
      ],
    };
    const created = await fetch(new URL('/api/v1/rules', pipeline.url), {
      method: 'POST',
      headers,
      body: JSON.stringify(rule),
    });
    expect(created.status).toBe(201);

    expect(
      (
        await pipeline.post({
          platform: 'x',
          body: tweet('1900000000000000001', 'il pacco non arriva da una settimana, mando la disdetta'),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await pipeline.post({
          platform: 'x',
          body: tweet('1900000000000000002', 'il pacco non arriva da una settimana'),
        })
      ).status,
    ).toBe(200);
    const [withRule, withoutRule] = [await ticketOf('1900000000000000001'), await ticketOf('1900000000000000002')];
    expect(withRule?.teamId).toBe(technicalTeam);
    expect(withRule?.priorityContributions).toContainEqual(expect.objectContaining({ factor: 'rules', points: 40 }));
    expect(withoutRule?.priorityContributions.map((contribution) => contribution.factor)).not.toContain('rules');
    expect((withRule?.priorityScore ?? 0) - (withoutRule?.priorityScore ?? 0)).toBeGreaterThanOrEqual(39);
  });
});
