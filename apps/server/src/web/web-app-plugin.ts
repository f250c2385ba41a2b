import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build -w @ascolta/web` writes the agent web app. */
export const defaultWebDistDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Paths that belong to the API and webhooks: an unknown one answers a JSON 404, never the web app. */
const isServerPath = (url: string): boolean => /^\/(api|webhooks|health)(\/|\?|$)/.test(url);

/**
 * Serves the built web app at `/`: hashed assets cached for a year, `index.html` always revalidated, and every
 * other browser path (`/tickets/…`) answered with `index.html` so the app's own router takes over.
 * Without a build, `/` falls back to the API explorer.
 */
export const webAppPlugin =
  (distDir: string = defaultWebDistDir) =>
  async (app: FastifyInstance): Promise<void> => {
    if (!existsSync(`${distDir}/index.html`)) {
      app.log.warn({ distDir }, 'web app not built (npm run build -w @ascolta/web): / shows the API explorer');
      app.get('/', { schema: { hide: true } }, async (_request, response) => response.redirect('/api/docs'));
      return;
    }
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      setHeaders: (response, path) => {
        response.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.get('/*', { schema: { hide: true } }, async (request, response) => {
      if (isServerPath(request.url)) {
        return response.status(404).send({
          error: { code: 'not-found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` },
        });
      }
      return response.header('cache-control', 'no-cache').sendFile('index.html');
    });
  };
