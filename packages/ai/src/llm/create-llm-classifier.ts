import {
  type Classifier,
  defaultCategories,
  messageKinds,
  type Triage,
  type TriageInput,
  urgencyCues,
} from '@ascolta/core';
import { z } from 'zod';

export interface LlmClassifierOptions {
  /** An OpenAI-compatible API root, e.g. `http://localhost:11434/v1` (Ollama) or a vLLM server. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** After this the built-in answer is used; an LLM must never hold up the pipeline. */
  timeoutMs: number;
  /** Gives language, entities and personal data (rules and small models do those better) and the fallback. */
  fallback: Classifier;
}

const llmAnswer = z.object({
  actionable: z.boolean(),
  kind: z.enum(messageKinds),
  category: z.string(),
  sentiment: z.number().min(-1).max(1),
  urgency: z.array(z.enum(urgencyCues)).default([]),
  explanation: z.string().default(''),
});

const chatResponse = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const prompt = (input: TriageInput): string =>
  [
    'You triage messages sent to a company customer-care team. Answer with one JSON object only:',
    '{"actionable": boolean (needs a reply from customer care), "kind": one of',
    `${messageKinds.join('|')}, "category": one of ${(input.categories ?? defaultCategories).join('|')},`,
    `"sentiment": number -1..1, "urgency": array of ${urgencyCues.join('|')}, "explanation": short reason}.`,
    `Channel: ${input.channel ?? 'unknown'}; visibility: ${input.visibility ?? 'public'}; reply to the brand: ${input.isReplyToBrand ?? false}.`,
  ].join('\n');

const sentimentLabelOf = (sentiment: number): Triage['sentimentLabel'] =>
  sentiment <= -0.25 ? 'negative' : sentiment >= 0.25 ? 'positive' : 'neutral';

/**
 * Triage by any OpenAI-compatible chat endpoint (Ollama, vLLM, hosted), off by default. On a
 * timeout, an HTTP error or an answer that does not parse, the built-in triage is returned, with
 * the reason in its explanation.
 */
export const createLlmClassifier = (options: LlmClassifierOptions): Classifier => ({
  name: `llm:${options.model}`,
  async classify(input) {
    const base = await options.fallback.classify(input);
    try {
      const answer = await askModel(options, input);
      return {
        ...base,
        actionable: answer.actionable,
        kind: answer.kind,
        category: (input.categories ?? defaultCategories).includes(answer.category) ? answer.category : base.category,
        sentiment: answer.sentiment,
        sentimentLabel: sentimentLabelOf(answer.sentiment),
        urgency: [...new Set([...base.urgency, ...answer.urgency])],
        scores: {
          ...base.scores,
          complaint: answer.kind === 'complaint' ? 1 : 0,
          actionable: answer.actionable ? 1 : 0,
        },
        explanation: [answer.explanation, ...base.explanation.slice(1)].filter((line) => line !== ''),
        model: `llm:${options.model}`,
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ...base, explanation: [...base.explanation, `llm unavailable (${reason}); built-in triage used`] };
    }
  },
});

const askModel = async (options: LlmClassifierOptions, input: TriageInput) => {
  const response = await fetch(`${options.baseUrl.replace(/\/$/, '')}/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    },
    body: JSON.stringify({
      model: options.model,
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: prompt(input) },
        { role: 'user', content: input.text },
      ],
    }),
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const content = chatResponse.parse(await response.json()).choices[0]?.message.content ?? '';
  const json = content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1);
  return llmAnswer.parse(JSON.parse(json));
};
