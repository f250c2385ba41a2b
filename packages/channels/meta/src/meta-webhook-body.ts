import { z } from 'zod';

/** Ids arrive as strings, but 2016-era feed deliveries used bare numbers. */
export const metaId = z.union([z.string(), z.number()]).transform(String);
export const metaTime = z.union([z.number(), z.string()]);

export const metaChange = z.object({ field: z.string(), value: z.unknown() });
export type MetaChange = z.infer<typeof metaChange>;

export const metaEntry = z.object({
  id: metaId,
  time: metaTime.optional(),
  changes: z.array(metaChange).optional(),
  messaging: z.array(z.unknown()).optional(),
  standby: z.array(z.unknown()).optional(),
  /** "Business Login for Instagram" puts one change directly on the entry. */
  field: z.string().optional(),
  value: z.unknown().optional(),
});
export type MetaEntry = z.infer<typeof metaEntry>;

/** The envelope shared by Page, Instagram and WhatsApp deliveries of one Meta app. */
export const metaWebhookBody = z.object({ object: z.string(), entry: z.array(metaEntry) });
export type MetaWebhookBody = z.infer<typeof metaWebhookBody>;
