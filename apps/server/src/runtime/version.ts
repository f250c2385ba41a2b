import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
  version?: string;
};

/** The product version, from the root package.json. */
export const version: string = manifest.version ?? '0.0.0';
