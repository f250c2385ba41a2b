import type { DomainEvent, Message, Survey } from '@ascolta/core';
import { demoCredentials } from '../../src/demo/demo-credentials.ts';
import { demoWorkspaceId } from '../../src/demo/demo-ids.ts';
import type { PipelineServer } from './start-pipeline-server.ts';
import { waitUntil } from './wait-until.ts';

/** What the survey tests do through the real server: sign in, change settings, resolve, look at the outcome. */
export interface SurveySteps {
  /** Replaces part of the demo's survey settings through the settings API, as a supervisor would. */
  configure(changes: Record<string, unknown>): Promise<void>;
  /** Resolves the ticket through the API, as an agent would. */
  resolve(ticketId: string): Promise<void>;
  inbound(externalId: string): Promise<Message>;
  /** The ticket's survey once it is stored, with the question that went out. */
  surveyOf(ticketId: string): Promise<Survey>;
  /** Waits for the stored survey to satisfy `isDone`. */
  surveyWhen(ticketId: string, what: string, isDone: (survey: Survey) => boolean): Promise<Survey>;
  events(ticketId: string, type: DomainEvent['type']): Promise<DomainEvent[]>;
}

export const surveySteps = async (pipeline: PipelineServer): Promise<SurveySteps> => {
  const login = await fetch(new URL('/api/v1/auth/login', pipeline.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoCredentials.adminEmail, password: demoCredentials.password }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${await login.text()}`);
  const cookie = String(login.headers.get('set-cookie')).split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(new URL(path, pipeline.url), {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const store = pipeline.store;
  const surveyWhen = (ticketId: string, what: string, isDone: (survey: Survey) => boolean) =>
    waitUntil(
      what,
      async () => {
        const survey = await store.surveys.findByTicket(demoWorkspaceId, ticketId);
        return survey !== null && isDone(survey) ? survey : null;
      },
      30_000,
      250,
    );
  return {
    async configure(changes) {
      const current = await call('GET', '/api/v1/settings/surveys');
      await call('PUT', '/api/v1/settings/surveys', { ...current, ...changes });
    },
    async resolve(ticketId) {
      await call('POST', `/api/v1/tickets/${ticketId}/status`, { status: 'resolved' });
    },
    inbound: (externalId) =>
      waitUntil(
        `message ${externalId} through the pipeline`,
        async () => {
          const { items } = await store.messages.list({ workspaceId: demoWorkspaceId, externalId, limit: 5 });
          const message = items.find((candidate) => candidate.direction === 'inbound');
          return message !== undefined && (message.ticketId !== null || message.ignoredReason !== null)
            ? message
            : null;
        },
        30_000,
        250,
      ),
    surveyOf: (ticketId) => surveyWhen(ticketId, `the survey of ticket ${ticketId}`, () => true),
    surveyWhen,
    async events(ticketId, type) {
      const events = await store.events.list({ workspaceId: demoWorkspaceId, ticketId, limit: 500 });
      return events.filter((event) => event.type === type);
    },
  };
};
