import type { HealthResponse } from '@ascolta/contracts';
import type { Store } from '@ascolta/core';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { installErrorHandler } from './http/error-handler.ts';
import { healthRoute } from './routes/health-route.ts';
import { messageRoutes } from './routes/message-routes.ts';
import { ticketRoutes } from './routes/ticket-routes.ts';

export interface AppOptions {
  store: Store;
  version: string;
  bodyLimitBytes: number;
  logger: FastifyServerOptions['logger'];
  readHealth(): Promise<HealthResponse>;
  /** Route plugins of other modules (webhooks, web app), registered after the core routes. */
  plugins?: ReadonlyArray<(app: FastifyInstance) => Promise<void>>;
}

/** The HTTP face of Ascolta: API, webhooks, OpenAPI document. Listening is the caller's business. */
export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimitBytes,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Ascolta API',
        version: options.version,
        description: 'Social customer care: messages, tickets, customers, reports. Integrations use API keys.',
        license: { name: 'Apache-2.0' },
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(rateLimit, {
    global: true,
    max: 1200,
    timeWindow: '1 minute',
    // Platforms deliver webhooks in bursts from few addresses; they are authenticated by signature instead.
    allowList: (request) => request.url.startsWith('/webhooks/') || request.url === '/health',
  });

  // The web app takes `/` once it is built; until then the API explorer is the front page.
  app.get('/', { schema: { hide: true } }, async (_request, response) => response.redirect('/api/docs'));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoute, { read: options.readHealth });
  await app.register(messageRoutes, { store: options.store });
  await app.register(ticketRoutes, { store: options.store });
  for (const plugin of options.plugins ?? []) await plugin(app);
  return app;
};
