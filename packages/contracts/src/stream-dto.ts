import { z } from 'zod';

/** One domain event as the realtime stream (`GET /api/v1/stream`, WebSocket) pushes it. */
export const streamEventDto = z.object({
  sequence: z.number().int(),
  id: z.string(),
  type: z.string(),
  ticketId: z.string().nullable(),
  customerId: z.string().nullable(),
  actor: z.record(z.string(), z.unknown()),
  data: z.record(z.string(), z.unknown()),
  occurredAt: z.iso.datetime(),
});
export type StreamEventDto = z.infer<typeof streamEventDto>;

/** Every frame of the stream is one of these JSON messages. */
export const streamMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), afterSequence: z.number().int() }),
  z.object({ type: z.literal('event'), event: streamEventDto }),
]);
export type StreamMessage = z.infer<typeof streamMessage>;
