import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes a new migration here after a schema change; commit both. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/schema.ts',
  out: './packages/db/migrations',
  casing: 'snake_case',
});
