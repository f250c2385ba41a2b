import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeTinyModelFolder } from '@ascolta/ai/testing';
import { createTestStore } from '@ascolta/db/testing';
import { demoAccounts, xTweetDelivery } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { demoWorkspaceId } from '../src/demo/demo-ids.ts';
import { startServer } from '../src/runtime/start-server.ts';
import { type PipelineEnvironment, startPipelineEnvironment } from './support/pipeline-environment.ts';
import { type PipelineServer, startPipelineServer } from './support/start-pipeline-server.ts';
import { waitUntil } from './support/wait-until.ts';

// Issue #3 item 4: the optional triage adapters are chosen by configuration and wired into the pipeline.
let environment: PipelineEnvironment;
let pipeline: PipelineServer;
let chatServer: Server;
const chatRequests: { headers: IncomingHttpHeaders; body: { model: string; messages: { content: string }[] } }[] = [];

/** An OpenAI-compatible chat-completions endpoint, as Ollama or vLLM serve it, that always reads a request. */
const startChatServer = async (): Promise<string> => {
  chatServer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      chatRequests.push({ headers: request.headers, body: JSON.parse(body) });
      const content = JSON.stringify({
        actionable: true,
        kind: 'request',
        category: 'billing',
        sentiment: -0.1,
        urgency: [],
        explanation: 'asks for a copy of an invoice',
      });
      const answer = {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content } }],
      };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((done) => chatServer.listen(0, '127.0.0.1', () => done()));
  return `http://127.0.0.1:${(chatServer.address() as AddressInfo).port}/v1`;
};

beforeAll(async () => {
  const chatUrl = await startChatServer();
  environment = await startPipelineEnvironment();
  Object.assign(environment.env, {
    ASCOLTA_TRIAGE_ADAPTER: 'llm',
    ASCOLTA_TRIAGE_LLM_URL: chatUrl,
    ASCOLTA_TRIAGE_LLM_MODEL: 'tiny-llm',
    ASCOLTA_TRIAGE_LLM_API_KEY: 'test-key',
  });
  pipeline = await startPipelineServer(environment);
}, 60_000);

afterAll(async () => {
  await pipeline?.stop();
  await environment?.stop();
  chatServer?.close();
});

describe('the triage adapter is chosen by configuration', () => {
  it('triages inbound messages with an OpenAI-compatible LLM when ASCOLTA_TRIAGE_ADAPTER=llm', async () => {
    const tweetId = '1800000000000000301';
    const text = `@${demoAccounts.xHandle} mi mandate la copia della fattura di ottobre?`;
    const body = xTweetDelivery({
      forUserId: demoAccounts.xAccountId,
      forUserHandle: demoAccounts.xHandle,
      tweetId,
      author: { id: '4400000000000301', screenName: 'laura_b', name: 'Laura', followers: 80, verified: false },
      text,
      at: new Date(),
      lang: 'it',
      mentionsAccount: true,
    });
    expect((await pipeline.post({ platform: 'x', body })).status).toBe(200);
    const message = await waitUntil('the tweet to be triaged', async () => {
      const { items } = await pipeline.store.messages.list({
        workspaceId: demoWorkspaceId,
        externalId: tweetId,
        limit: 5,
      });
      return items.find((item) => item.triage !== null) ?? null;
    });
    expect(message.triage).toMatchObject({
      model: 'llm:tiny-llm',
      kind: 'request',
      category: 'billing',
      language: 'it',
    });
    expect(message.triage?.explanation[0]).toBe('asks for a copy of an invoice');
    const asked = chatRequests.find((request) => request.body.messages.some((line) => line.content === text));
    expect(asked?.body.model).toBe('tiny-llm');
    expect(asked?.headers.authorization).toBe('Bearer test-key');
  });

  it('refuses to start when the configured ONNX model folder misses files', async () => {
    const modelDir = writeTinyModelFolder(join(environment.env.ASCOLTA_DATA_DIR ?? '', 'model'), {
      labels: ['complaint', 'other'],
      wordLogits: { rotto: [4, 0] },
    });
    const config = loadConfig({
      ...environment.env,
      ASCOLTA_DEMO: '0',
      ASCOLTA_TRIAGE_ADAPTER: 'onnx',
      ASCOLTA_TRIAGE_ONNX_DIR: join(modelDir, 'onnx'),
    });
    await expect(startServer(config, 'worker', () => undefined, { store: await createTestStore() })).rejects.toThrow(
      /^ASCOLTA_TRIAGE_ADAPTER=onnx: the ONNX model folder .*\/onnx misses config\.json, tokenizer\.json, tokenizer_config\.json$/,
    );
  });
});
