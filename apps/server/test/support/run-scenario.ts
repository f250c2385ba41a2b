import type { Message } from '@ascolta/core';
import { demoAccounts, demoSecrets, scenarios, sendScenario } from '@ascolta/simulator';
import { demoWorkspaceId } from '../../src/demo/demo-ids.ts';
import { allMessages, type PipelineServer } from './start-pipeline-server.ts';

/** The messages one scenario added to the demo workspace, once the pipeline has handled all of them. */
export interface ScenarioRun {
  inbound: Message[];
  outbound: Message[];
}

/** Sends a seeded scenario to the server through its webhooks and SMTP listener, then waits for it to settle. */
export const runScenario = async (pipeline: PipelineServer, name: string, seed = 7): Promise<ScenarioRun> => {
  const scenario = scenarios[name];
  if (scenario === undefined) throw new Error(`no scenario ${name}`);
  const before = new Set((await allMessages(pipeline.store, demoWorkspaceId)).map((message) => message.id));
  const result = await sendScenario(scenario, {
    target: pipeline.url,
    seed,
    secrets: demoSecrets,
    accounts: demoAccounts,
    customChannelId: 'shop-reviews',
    supportMailbox: 'support@ascolta.local',
    smtp: { host: '127.0.0.1', port: pipeline.smtpPort },
    ratePerSecond: null,
  });
  if (result.rejected.length > 0) throw new Error(`deliveries refused: ${JSON.stringify(result.rejected[0])}`);
  const added = (await pipeline.settle(90_000)).filter((message) => !before.has(message.id));
  return {
    inbound: added.filter((message) => message.direction === 'inbound'),
    outbound: added.filter((message) => message.direction === 'outbound'),
  };
};
