import { crmCreateAnswer, crmLookupAnswer } from '@ascolta/contracts';
import type { CrmConnection, CrmLookupOutcome } from '@ascolta/core';
import type { z } from 'zod';
import { isSuccessStatus, postJson } from './post-json.ts';

export type CrmCallResult<T> = { kind: 'ok'; value: T } | { kind: 'error'; error: string };

const headersOf = (connection: CrmConnection): Record<string, string> =>
  connection.authToken === null ? {} : { authorization: `Bearer ${connection.authToken}` };

/** POSTs to the CRM and parses its JSON answer; every failure (network, status, shape) is an error value. */
const callCrm = async <S extends z.ZodType>(
  connection: CrmConnection,
  url: string,
  body: unknown,
  schema: S,
  notFound: z.infer<S> | null,
): Promise<CrmCallResult<z.infer<S>>> => {
  const outcome = await postJson(url, JSON.stringify(body), headersOf(connection), connection.timeoutMs);
  if (outcome.kind === 'failed') return { kind: 'error', error: outcome.error };
  if (outcome.status === 404 && notFound !== null) return { kind: 'ok', value: notFound };
  if (!isSuccessStatus(outcome.status)) {
    return { kind: 'error', error: `HTTP ${outcome.status}: ${outcome.body.trim().slice(0, 300)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(outcome.body);
  } catch {
    return { kind: 'error', error: 'the CRM answered with something that is not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`);
    return { kind: 'error', error: `unexpected answer from the CRM: ${problems.join('; ')}` };
  }
  return { kind: 'ok', value: parsed.data };
};

/** Asks the CRM's look-up URL about a customer; HTTP 404 or `{ "found": false }` means unknown. */
export const lookUpInCrm = async (
  connection: CrmConnection & { lookupUrl: string },
  request: unknown,
): Promise<CrmCallResult<CrmLookupOutcome>> => {
  const answer = await callCrm(connection, connection.lookupUrl, request, crmLookupAnswer, { found: false });
  if (answer.kind === 'error') return answer;
  const value = answer.value;
  if ('crmId' in value) {
    const { found: _, ...record } = value;
    return { kind: 'ok', value: { kind: 'found', record } };
  }
  return { kind: 'ok', value: { kind: 'not-found' } };
};

/** Posts a ticket to the CRM's create URL; the CRM answers with its reference. */
export const createInCrmCall = (
  connection: CrmConnection & { createUrl: string },
  request: unknown,
): Promise<CrmCallResult<z.infer<typeof crmCreateAnswer>>> =>
  callCrm(connection, connection.createUrl, request, crmCreateAnswer, null);
