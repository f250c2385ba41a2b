import type { ErrorResponse } from '@ascolta/contracts';
import { isDomainError } from '@ascolta/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorStatus } from './error-status.ts';

const reply = (code: string, message: string, details?: Record<string, unknown>): ErrorResponse => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Fastify's own failure codes (bad JSON, size, content type) with the codes our API promises. */
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid-input',
  FST_ERR_RATE_LIMIT_REACHED: 'rate-limited',
};

/** Every error leaves as `{ error: { code, message } }`; only unexpected ones are logged as errors. */
export const installErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, response) => {
    if (isDomainError(error)) {
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') response.header('retry-after', String(retryAfter));
      return response.status(errorStatus[error.code]).send(reply(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return `${error.validationContext ?? 'request'}${path ? `.${path}` : ''}: ${issue.message}`;
      });
      return response.status(400).send(reply('invalid-input', problems.join('; ')));
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const code = (error.code && fastifyCodes[error.code]) ?? 'invalid-input';
      return response.status(status).send(reply(code, error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return response.status(500).send(reply('internal', 'An unexpected error occurred; it has been logged.'));
  });

  app.setNotFoundHandler((request, response) =>
    response.status(404).send(reply('not-found', `No route for ${request.method} ${request.url.split('?')[0]}.`)),
  );
};
