import { runCli } from '../run-cli.ts';
import { waitUntil } from './wait-until.ts';

export interface ChildServer {
  url: string;
  kill(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

/** `ascolta start` in a child process on the environment's database, ready once `/health` answers. */
export const serveInChild = async (env: Record<string, string>): Promise<ChildServer> => {
  const run = runCli(['start'], env);
  const url = `http://127.0.0.1:${env.PORT}`;
  await waitUntil(
    'the child server to answer /health',
    async () => {
      if (run.child.exitCode !== null) throw new Error(`the server exited: ${run.output()}`);
      return (await fetch(`${url}/health`).catch(() => null))?.ok === true;
    },
    90_000,
    250,
  );
  return {
    url,
    output: run.output,
    async kill() {
      run.child.kill('SIGKILL');
      await run.exited;
    },
    async stop() {
      run.child.kill('SIGTERM');
      await run.exited;
    },
  };
};
