import type { Clock, IdGenerator, Store } from '@ascolta/core';

/** What every API route plugin needs: the store, and time and ids for the use cases it calls. */
export interface ApiContext {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
}
