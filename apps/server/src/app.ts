import type { HealthResponse } from '@ascolta/contracts';
import type { Clock, IdGenerator, Store } from '@ascolta/core';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ApiContext } from './http/api-context.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { createEventFeed } from './realtime/event-feed.ts';
import { registerStreamRoute } from './realtime/stream-route.ts';
import { agentTeamRoutes } from './routes/agent-team-routes.ts';
import { apiKeyRoutes } from './routes/api-key-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { channelIncidentRoutes } from './routes/channel-incident-routes.ts';
import { customerRoutes } from './routes/customer-routes.ts';
import { healthRoute } from './routes/health-route.ts';
import { integrationRoutes } from './routes/integration-routes.ts';
import { messageRoutes } from './routes/message-routes.ts';
import { reportsRoutes } from './routes/reports-routes.ts';
import { ruleRoutes } from './routes/rule-routes.ts';
import { settingsRoutes } from './routes/settings-routes.ts';
import { surveySettingsRoutes } from './routes/survey-settings-routes.ts';
import { ticketActionRoutes } from './routes/ticket-action-routes.ts';
import { ticketDetailRoute } from './routes/ticket-detail-route.ts';
import { ticketLifecycleRoutes } from './routes/ticket-lifecycle-routes.ts';
import { ticketRoutes } from './routes/ticket-routes.ts';
import { triageFeedbackRoutes } from './routes/triage-feedback-routes.ts';
import { systemClock } from './runtime/system-clock.ts';
import { uuidV7 } from './runtime/uuid-v7.ts';
import { webAppPlugin } from './web/web-app-plugin.ts';

export interface AppOptions {
  store: Store;
  version: string;
  bodyLimitBytes: number;
  logger: FastifyServerOptions['logger'];
  readHealth(): Promise<HealthResponse>;
  /** Time and ids for the API's use cases; the system clock and UUIDv7 unless a test fixes them. */
  clock?: Clock;
  ids?: IdGenerator;
  /** Route plugins of other modules (webhooks, web app), registered after the core routes. */
  plugins?: ReadonlyArray<(app: FastifyInstance) => Promise<void>>;
}

/** The HTTP face of Ascolta: API, webhooks, OpenAPI document. Listening is the caller's business. */
export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimitBytes,
    return503OnClosing: true,
    // Signed survey tokens (`/s/:token`) are longer than the router's default of 100 characters.
    routerOptions: { maxParamLength: 400 },
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
    // Injected WebSocket upgrades (tests) carry no address; they share one bucket.
    keyGenerator: (request) => request.ip ?? 'no-address',
  });

  await app.register(webAppPlugin());
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoute, { read: options.readHealth });
  const context: ApiContext = {
    store: options.store,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? uuidV7(),
  };
  await app.register(messageRoutes, context);
  await app.register(ticketRoutes, context);
  await app.register(authRoutes, context);
  await app.register(ticketDetailRoute, context);
  await app.register(ticketActionRoutes, context);
  await app.register(ticketLifecycleRoutes, context);
  await app.register(apiKeyRoutes, context);
  await app.register(integrationRoutes, context);
  await app.register(channelIncidentRoutes, context);
  await app.register(customerRoutes, context);
  await app.register(settingsRoutes, context);
  await app.register(surveySettingsRoutes, context);
  await app.register(ruleRoutes, context);
  await app.register(triageFeedbackRoutes, context);
  await app.register(agentTeamRoutes, context);
  await app.register(reportsRoutes, context);
  await app.register(websocket);
  const feed = createEventFeed(options.store, (error) => app.log.warn({ err: error }, 'event feed poll failed'));
  app.addHook('onClose', async () => feed.close());
  registerStreamRoute(app, context, feed);
  for (const plugin of options.plugins ?? []) await plugin(app);
  return app;
};
