import { z } from 'zod';

/** Every 4xx/5xx answer of the API has this shape. `code` is stable; `message` is for people. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
