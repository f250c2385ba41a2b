import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StoreLockedError } from './store-locked-error.ts';

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

export const lockFileName = 'ascolta.lock';

// Process-wide on purpose: a lock file holding our own pid is ours only if this process took it; otherwise
// it is left over from an earlier process that had the same pid (a restarted container is always pid 1).
const heldLocks = new Set<string>();

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readOwner = async (path: string): Promise<number | null> => {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

const tryCreate = async (path: string): Promise<boolean> => {
  try {
    await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
};

/**
 * Takes the data folder for this process, or fails at once with `StoreLockedError` naming the owner.
 * A lock whose process is gone is stale and taken over.
 */
export const acquireDataDirLock = async (dataDir: string): Promise<DataDirLock> => {
  await mkdir(dataDir, { recursive: true });
  const path = resolve(join(dataDir, lockFileName));
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await tryCreate(path)) {
      heldLocks.add(path);
      return {
        path,
        async release() {
          heldLocks.delete(path);
          if ((await readOwner(path)) === process.pid) await unlink(path).catch(() => undefined);
        },
      };
    }
    const owner = await readOwner(path);
    const isOurs = owner === process.pid && !heldLocks.has(path);
    if (owner !== null && !isOurs && isAlive(owner)) throw new StoreLockedError(path, owner);
    if (owner === process.pid && heldLocks.has(path)) throw new StoreLockedError(path, owner);
    await unlink(path).catch(() => undefined);
  }
  throw new StoreLockedError(path, (await readOwner(path)) ?? 0);
};
