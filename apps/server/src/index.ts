/** What tools outside the app (benchmarks) may start: the server and its workers, from a configuration. */
export { type Config, loadConfig } from './config.ts';
export { demoWorkspaceId } from './demo/demo-ids.ts';
export { demoChannels } from './demo/demo-workspace.ts';
export { type RunningServer, startServer } from './runtime/start-server.ts';
export { startWorkers, type Workers } from './runtime/start-workers.ts';
