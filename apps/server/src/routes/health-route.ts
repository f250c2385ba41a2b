import { type HealthResponse, healthResponse } from '@ascolta/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export interface HealthOptions {
  /** Reads the live state; called on every request so the answer is never stale. */
  read(): Promise<HealthResponse>;
}

export const healthRoute: FastifyPluginAsyncZod<HealthOptions> = async (app, { read }) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Readiness',
        description: '200 with the version, store and jobs state once the server is ready.',
        tags: ['operations'],
        response: { 200: healthResponse },
      },
    },
    async () => read(),
  );
};
