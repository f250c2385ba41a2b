import {
  type Clock,
  type IdGenerator,
  type Repositories,
  scheduleSurveys,
  stampEvent,
  type UnstampedEvent,
} from '@ascolta/core';

/**
 * Stamps a use case's events with id and time and appends them inside the caller's transaction; a
 * resolution among them queues its survey job there too (callers store the ticket first).
 */
export const appendEvents = async (
  tx: Repositories,
  events: readonly UnstampedEvent[],
  clock: Clock,
  ids: IdGenerator,
): Promise<void> => {
  if (events.length === 0) return;
  const now = clock.now();
  await tx.events.append(events.map((event) => stampEvent(event, now, ids)));
  await scheduleSurveys(tx, events);
};
