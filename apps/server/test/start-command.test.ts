import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runCli, waitForOk } from './run-cli.ts';

const apiKey = { authorization: 'Bearer demo-api-key' };

describe('ascolta start (real process, embedded store)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'ascolta-start-')), 'data');
  });
  afterAll(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('migrates and seeds a new data folder, refuses a second owner, and keeps data across a restart', async () => {
    const port = await freePort();
    const env = { ASCOLTA_DATA_DIR: dataDir, PORT: String(port) };
    const first = runCli(['start'], env);
    const health = await (await waitForOk(`http://127.0.0.1:${port}/health`, 90_000, first)).json();
    expect(health).toMatchObject({ status: 'ok', demo: true, store: { driver: 'pglite' }, jobs: { running: true } });
    expect(first.output()).toContain('admin@ascolta.local / ascolta-demo');
    const tickets = await (
      await fetch(`http://127.0.0.1:${port}/api/v1/tickets?limit=200`, { headers: apiKey })
    ).json();
    expect(tickets.items).toHaveLength(36);

    const second = runCli(['start'], { ...env, PORT: String(await freePort()) });
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/in use by process \d+ \(lock file .*ascolta\.lock\)/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const restarted = runCli(['start'], env);
    await waitForOk(`http://127.0.0.1:${port}/health`, 90_000, restarted);
    const again = await (await fetch(`http://127.0.0.1:${port}/api/v1/tickets?limit=200`, { headers: apiKey })).json();
    expect(again.items.map((ticket: { id: string }) => ticket.id).sort()).toEqual(
      tickets.items.map((ticket: { id: string }) => ticket.id).sort(),
    );
    expect(restarted.output()).not.toContain('seeded the demo workspace');
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  }, 240_000);
});

describe('ascolta start with bad configuration', () => {
  it('names the bad variable on one line and exits non-zero', async () => {
    const run = runCli(['start'], { PORT: 'abc' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe('ascolta: invalid configuration: PORT="abc" must be a number');
  });

  it('names DATABASE_URL, without its password, when PostgreSQL is unreachable', async () => {
    const run = runCli(['start'], { DATABASE_URL: 'postgres://ascolta:hunter2@127.0.0.1:1/ascolta' });
    expect(await run.exited).toBe(1);
    const output = run.output().trim();
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toContain('DATABASE_URL');
    expect(output).not.toContain('hunter2');
  });

  it('rejects an unknown flag and a bad role with the command usage', async () => {
    const flag = runCli(['start', '--rol', 'api'], {});
    expect(await flag.exited).toBe(2);
    expect(flag.output()).toContain("Unknown option '--rol'");
    const role = runCli(['start', '--role', 'boss'], {});
    expect(await role.exited).toBe(2);
    expect(role.output()).toContain('--role must be one of all, api, worker');
  });
});
