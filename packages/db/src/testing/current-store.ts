import type { SqlStore } from '../store/create-sql-store.ts';

/** A getter for the contract suite's store, which only exists once `beforeAll` has run. */
export type CurrentStore = () => SqlStore;
