import { DomainError } from '@ascolta/core';

/** Another live process owns the embedded data folder; PGlite must have exactly one. */
export class StoreLockedError extends DomainError {
  readonly lockPath: string;
  readonly ownerPid: number;

  constructor(lockPath: string, ownerPid: number) {
    super(
      'unavailable',
      `the data folder is in use by process ${ownerPid} (lock file ${lockPath}); stop that process or use another data folder`,
      { lockPath, ownerPid },
    );
    this.name = 'StoreLockedError';
    this.lockPath = lockPath;
    this.ownerPid = ownerPid;
  }
}
