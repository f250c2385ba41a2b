import type { IdGenerator } from '../ports/clock.ts';
import type { DomainEvent } from './domain-event.ts';

/**
 * A domain event before it gets its id and time. Distributes over the union, unlike
 * `Omit<DomainEvent, …>`, so each `type` keeps its own `data` shape.
 */
export type UnstampedEvent = DomainEvent extends infer Event
  ? Event extends DomainEvent
    ? Omit<Event, 'id' | 'occurredAt'>
    : never
  : never;

/** Gives pure stages' events their id and time at the edge of the use case. */
export const stampEvent = (event: UnstampedEvent, occurredAt: Date, ids: IdGenerator): DomainEvent => ({
  ...event,
  id: ids.newId(),
  occurredAt,
});
