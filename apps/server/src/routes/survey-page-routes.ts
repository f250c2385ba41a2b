import { type Survey, storeSurveyScore, surveyScale } from '@ascolta/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../http/api-context.ts';
import { appendEvents } from '../http/append-events.ts';
import type { SurveyLinks } from './survey-links.ts';
import { type PageLanguage, pageLanguageOf, renderSurveyForm, renderSurveyNotice } from './survey-page.ts';

export interface SurveyPageOptions extends ApiContext {
  /** Null when no survey secret is configured: every token is then invalid. */
  links: SurveyLinks | null;
}

const params = z.object({ token: z.string().min(1).max(400) });
/** A browser form (`application/x-www-form-urlencoded`) or JSON: `score` and an optional `comment`. */
const answerBody = z.object({ score: z.union([z.string(), z.number()]).optional(), comment: z.string().optional() });
const html = z.string().describe('text/html page');
const schema = {
  tags: ['surveys'],
  params,
  response: { 200: html, 400: html, 403: html, 404: html, 409: html, 410: html },
};

type Found =
  | { kind: 'survey'; survey: Survey }
  | { kind: 'notice'; status: number; notice: 'invalid' | 'expired' | 'notFound' };

const send = (reply: FastifyReply, status: number, page: string) =>
  reply.status(status).type('text/html; charset=utf-8').send(page);

/**
 * The public answer page of a survey link: `GET /s/:token` shows the choice in the customer's language,
 * `POST /s/:token` records it once. A tampered token is 403, an expired one 410, an answered survey 409.
 */
export const surveyPageRoutes: FastifyPluginAsyncZod<SurveyPageOptions> = async (app, options) => {
  const { store, clock, ids, links } = options;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 8192 },
    (_r, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );

  const find = async (
    token: string,
    load: (workspaceId: string, id: string) => Promise<Survey | null>,
  ): Promise<Found> => {
    const check = links?.check(token, clock.now()) ?? { kind: 'invalid' as const };
    if (check.kind === 'invalid') return { kind: 'notice', status: 403, notice: 'invalid' };
    if (check.kind === 'expired') return { kind: 'notice', status: 410, notice: 'expired' };
    const survey = await load(check.workspaceId, check.surveyId);
    return survey === null ? { kind: 'notice', status: 404, notice: 'notFound' } : { kind: 'survey', survey };
  };
  const languageOf = (survey: Survey | null, accept: string | undefined): PageLanguage =>
    pageLanguageOf(survey?.language ?? null, accept);

  app.get(
    '/s/:token',
    { schema: { ...schema, summary: 'Survey answer page (signed link)' } },
    async (request, reply) => {
      const found = await find(request.params.token, (workspaceId, id) => store.surveys.get(workspaceId, id));
      const accept = request.headers['accept-language'];
      if (found.kind === 'notice')
        return send(reply, found.status, renderSurveyNotice(languageOf(null, accept), found.notice));
      const language = languageOf(found.survey, accept);
      if (found.survey.status === 'answered') return send(reply, 200, renderSurveyNotice(language, 'alreadyAnswered'));
      if (found.survey.status === 'expired') return send(reply, 410, renderSurveyNotice(language, 'expired'));
      return send(reply, 200, renderSurveyForm(language, found.survey.kind, request.url));
    },
  );

  app.post(
    '/s/:token',
    { schema: { ...schema, body: answerBody, summary: 'Answer a survey through its signed link' } },
    async (request, reply) => {
      const accept = request.headers['accept-language'];
      const outcome = await store.transaction(async (tx) => {
        const found = await find(request.params.token, (workspaceId, id) => tx.surveys.lockForAnswer(workspaceId, id));
        if (found.kind === 'notice') return found;
        const { survey } = found;
        const language = languageOf(survey, accept);
        // Locked above: of two answers sent together, the second sees the first and counts nothing.
        if (survey.status === 'answered')
          return { kind: 'page' as const, status: 409, page: renderSurveyNotice(language, 'alreadyAnswered') };
        if (survey.status === 'expired') return { kind: 'notice' as const, status: 410, notice: 'expired' as const };
        const score = Number(request.body.score);
        const { min, max } = surveyScale[survey.kind];
        if (!Number.isInteger(score) || score < min || score > max) {
          return {
            kind: 'page' as const,
            status: 400,
            page: renderSurveyForm(language, survey.kind, request.url, 'badScore'),
          };
        }
        const comment = request.body.comment?.trim().slice(0, 1000) ?? '';
        const recorded = await storeSurveyScore(tx, {
          survey,
          score,
          comment: comment.length > 0 ? comment : null,
          now: clock.now(),
        });
        if (recorded === null) return { kind: 'notice' as const, status: 404, notice: 'notFound' as const };
        await appendEvents(tx, recorded.events, clock, ids);
        return { kind: 'page' as const, status: 200, page: renderSurveyNotice(language, 'thanks') };
      });
      if (outcome.kind === 'page') return send(reply, outcome.status, outcome.page);
      return send(reply, outcome.status, renderSurveyNotice(languageOf(null, accept), outcome.notice));
    },
  );
};
