export * from './auth-dto.ts';
export * from './error-response.ts';
export * from './health-response.ts';
export * from './message-dto.ts';
export * from './page.ts';
export * from './ticket-actions.ts';
export * from './ticket-dto.ts';
export * from './workspace-dto.ts';
