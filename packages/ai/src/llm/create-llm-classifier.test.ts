import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Classifier, Triage } from '@ascolta/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClassifier } from './create-llm-classifier.ts';

const builtinAnswer: Triage = {
  language: 'it',
  languageConfidence: 0.9,
  actionable: false,
  kind: 'other',
  category: 'other',
  categoryConfidence: 0.4,
  sentiment: 0,
  sentimentLabel: 'neutral',
  urgency: [],
  entities: [],
  pii: [],
  scores: { complaint: 0.1, actionable: 0.2 },
  confidence: 0.4,
  explanation: ['other (0.4)'],
  model: 'builtin@test',
};
// A fake injected through the port, as STYLE.md asks: the test is about the adapter, not the models.
const fallback: Classifier = { name: 'builtin@test', classify: async () => builtinAnswer };

let server: Server;
let baseUrl = '';
let reply: (body: string) => { status: number; body: string; delayMs?: number };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const answer = reply(body);
      setTimeout(
        () => response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body),
        answer.delayMs ?? 0,
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => server.close());

const chat = (content: string) => JSON.stringify({ choices: [{ message: { content } }] });

describe('LLM classifier over an OpenAI-compatible endpoint', () => {
  it('uses the answer of the model and keeps the rule-based fields of the built-in triage', async () => {
    let seen = '';
    reply = (body) => {
      seen = body;
      return {
        status: 200,
        body: chat(
          '{"actionable":true,"kind":"complaint","category":"delivery","sentiment":-0.8,"urgency":["churn-threat"],"explanation":"late parcel"}',
        ),
      };
    };
    const triage = await createLlmClassifier({ baseUrl, model: 'tiny', timeoutMs: 2000, fallback }).classify({
      text: 'Il pacco non arriva, passo a un altro negozio',
    });
    expect(JSON.parse(seen).model).toBe('tiny');
    expect(triage).toMatchObject({
      kind: 'complaint',
      actionable: true,
      category: 'delivery',
      sentimentLabel: 'negative',
    });
    expect(triage.urgency).toEqual(['churn-threat']);
    expect(triage.language).toBe('it');
    expect(triage.model).toBe('llm:tiny');
  });

  it('falls back to the built-in triage on a timeout, an HTTP error or an answer that does not parse', async () => {
    const classifier = createLlmClassifier({ baseUrl, model: 'tiny', timeoutMs: 100, fallback });
    for (const answer of [
      { status: 200, body: chat('{}'), delayMs: 400 },
      { status: 503, body: '{}' },
      { status: 200, body: chat('not json at all') },
    ]) {
      reply = () => answer;
      const triage = await classifier.classify({ text: 'hello' });
      expect(triage.kind).toBe('other');
      expect(triage.model).toBe('builtin@test');
      expect(triage.explanation.at(-1)).toMatch(/llm unavailable/);
    }
  });
});
