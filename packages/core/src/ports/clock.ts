/** The only source of "now" for the core: real in apps, fixed in tests and the demo. */
export interface Clock {
  now(): Date;
}

/** The only source of new ids for the core (UUIDv7 in adapters, sequential in tests). */
export interface IdGenerator {
  newId(): string;
}
