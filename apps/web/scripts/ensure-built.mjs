#!/usr/bin/env node
// Builds the web app when apps/web/dist is missing or older than its sources, so `npm install && npm start`
// serves the current app without a separate build step. Run by the root `postinstall` and `start` scripts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(webDir, 'dist', 'index.html');
const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json'];

const newestMs = (path) => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMs(join(path, name))));
};

const isStale = () => {
  if (!existsSync(builtIndex)) return true;
  const builtMs = statSync(builtIndex).mtimeMs;
  return inputs.some((input) => existsSync(join(webDir, input)) && newestMs(join(webDir, input)) > builtMs);
};

if (isStale()) {
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.warn('web app: vite is not installed (production install?); / will show the API explorer');
    process.exit(0);
  }
  const started = Date.now();
  await vite.build({ root: webDir, configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
