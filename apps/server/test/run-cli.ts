import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const binary = fileURLToPath(new URL('../bin/ascolta.mjs', import.meta.url));

export interface CliRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Runs the real `ascolta` binary in a child process, as a user would. */
export const runCli = (args: string[], env: Record<string, string>): CliRun => {
  const child = spawn(process.execPath, [binary, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Polls `GET url` until it answers 200; fails after `timeoutMs`. */
export const waitForOk = async (url: string, timeoutMs: number, run?: CliRun): Promise<Response> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run?.child.exitCode !== null && run?.child.exitCode !== undefined) {
      throw new Error(`the server exited with ${run.child.exitCode}: ${run.output()}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms${run ? `: ${run.output()}` : ''}`);
};
