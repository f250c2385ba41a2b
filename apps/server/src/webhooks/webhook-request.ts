import type { WebhookRequest } from '@ascolta/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Keeps every body of this plugin as raw bytes: signatures are computed over exactly what the platform
 * sent, so nothing may parse and re-serialise it first. Content-type parsers are encapsulated per plugin.
 */
export const keepRawBodies = (app: FastifyInstance): void => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
};

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The connector's view of a Fastify request: lower-case headers, flat query, raw body. */
export const toWebhookRequest = (request: FastifyRequest): WebhookRequest => {
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  return {
    method: request.method === 'GET' ? 'GET' : 'POST',
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), first(value)]),
    ),
    query: Object.fromEntries(Object.entries(query).map(([name, value]) => [name, first(value)])),
    rawBody: Buffer.isBuffer(request.body) ? request.body : new Uint8Array(),
  };
};
