/** The whole database, one Drizzle schema for PGlite and PostgreSQL (PostgreSQL 15 features at most). */
export * from './config-tables.ts';
export * from './integration-tables.ts';
export * from './log-tables.ts';
export * from './people-tables.ts';
export * from './pipeline-tables.ts';
export * from './report-tables.ts';
export * from './session-tables.ts';
export * from './ticket-tables.ts';
export * from './workspace-tables.ts';
