import { execFile, spawnSync } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createPgliteStore } from './create-pglite-store.ts';
import { lockFileName } from './data-dir-lock.ts';
import { StoreLockedError } from './store-locked-error.ts';

const run = promisify(execFile);
const packageEntry = fileURLToPath(new URL('../index.ts', import.meta.url));

/** Opens `dataDir` in a separate Node process and reports how that went. */
const openInChildProcess = async (dataDir: string) => {
  const script = `
    import { createPgliteStore } from ${JSON.stringify(packageEntry)};
    try { await createPgliteStore({ dataDir: ${JSON.stringify(dataDir)} }); console.log('opened'); process.exit(0); }
    catch (error) { console.log(error.name + ': ' + error.message); process.exit(3); }`;
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
};

/** The pid of a process that has already exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
};

describe('createPgliteStore', () => {
  let dataDir = '';
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('owns its data folder through a lock file: stale locks are taken over, live owners refuse others', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ascolta-lock-'));
    const lockPath = join(dataDir, lockFileName);
    await writeFile(lockPath, `${deadPid()}\n`);

    const store = await createPgliteStore({ dataDir });
    expect((await readFile(lockPath, 'utf8')).trim()).toBe(String(process.pid));

    await expect(createPgliteStore({ dataDir })).rejects.toBeInstanceOf(StoreLockedError);
    const child = await openInChildProcess(dataDir);
    expect(child.code).toBe(3);
    expect(child.stdout).toContain('StoreLockedError');
    expect(child.stdout).toContain(lockPath);
    expect(child.stdout).toContain(`process ${process.pid}`);

    await store.close();
    await expect(access(lockPath)).rejects.toThrow();
    // A new data folder (initdb in WASM) and a second Node process: slow on a loaded machine.
  }, 90_000);
});
