import { z } from 'zod';

export const healthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  role: z.enum(['all', 'api', 'worker']),
  store: z.object({
    driver: z.enum(['pglite', 'postgres']),
    migrationsApplied: z.number().int(),
    latestMigration: z.string().nullable(),
  }),
  jobs: z.object({ running: z.boolean() }),
  demo: z.boolean(),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof healthResponse>;
