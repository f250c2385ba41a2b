import type { Identity } from '../customer/customer.ts';
import type { Message } from '../message/message.ts';
import type { QueuedJob } from '../ports/job-queue.ts';
import type { Repositories } from '../ports/store.ts';

/**
 * The workspace configuration the pipeline reads, loaded once per configuration version: each list is read
 * the first time a run asks for it and kept until the version changes. Entries are promises so concurrent
 * runs share one read.
 */
export interface ConfigSnapshot {
  readonly workspaceId: string;
  readonly version: number;
  readonly reads: Map<string, Promise<unknown>>;
}

/** Keeps the latest configuration snapshot of each workspace across runs; one per worker process. */
export interface WorkspaceConfigCache {
  snapshot(repos: Repositories, workspaceId: string): Promise<ConfigSnapshot>;
}

const newSnapshot = (workspaceId: string, version: number): ConfigSnapshot => ({
  workspaceId,
  version,
  reads: new Map(),
});

/**
 * One configuration read per message instead of eight: the version row, then the cached lists. The version
 * moves when a transaction that changed the configuration commits, so a run never sees configuration older
 * than what was committed when it started.
 */
export const createWorkspaceConfigCache = (): WorkspaceConfigCache => {
  const latest = new Map<string, ConfigSnapshot>();
  return {
    async snapshot(repos, workspaceId) {
      const version = await repos.configVersion();
      const known = latest.get(workspaceId);
      if (known !== undefined && known.version === version) return known;
      const fresh = newSnapshot(workspaceId, version);
      latest.set(workspaceId, fresh);
      return fresh;
    },
  };
};

/** A snapshot for one run only (no cache given): still reads each list at most once per message. */
export const runSnapshot = (workspaceId: string): ConfigSnapshot => newSnapshot(workspaceId, -1);

const remember = <T>(snapshot: ConfigSnapshot, workspaceId: string, key: string, read: () => Promise<T>) => {
  // Another workspace's configuration (never asked by the pipeline today) is read through, not cached.
  if (workspaceId !== snapshot.workspaceId) return read();
  const known = snapshot.reads.get(key) as Promise<T> | undefined;
  if (known !== undefined) return known;
  const reading = read();
  snapshot.reads.set(key, reading);
  // A failed read must not stay cached for the next run.
  reading.catch(() => snapshot.reads.delete(key));
  return reading;
};

/** The repositories with the configuration reads served from `snapshot`; writes go through unchanged. */
const withConfiguration = (repos: Repositories, snapshot: ConfigSnapshot): Repositories => {
  const channels = (workspaceId: string) =>
    remember(snapshot, workspaceId, 'channels', () => repos.channels.list(workspaceId));
  return {
    ...repos,
    settings: {
      ...repos.settings,
      get: (workspaceId) => remember(snapshot, workspaceId, 'settings', () => repos.settings.get(workspaceId)),
    },
    channels: {
      ...repos.channels,
      list: channels,
      async get(workspaceId, id) {
        const found = (await channels(workspaceId)).find((channel) => channel.id === id);
        return found ?? repos.channels.get(workspaceId, id);
      },
    },
    agents: {
      ...repos.agents,
      list: (workspaceId) => remember(snapshot, workspaceId, 'agents', () => repos.agents.list(workspaceId)),
    },
    teams: {
      ...repos.teams,
      list: (workspaceId) => remember(snapshot, workspaceId, 'teams', () => repos.teams.list(workspaceId)),
    },
    businessHours: {
      ...repos.businessHours,
      list: (workspaceId) => remember(snapshot, workspaceId, 'hours', () => repos.businessHours.list(workspaceId)),
    },
    slaPolicies: {
      ...repos.slaPolicies,
      list: (workspaceId) => remember(snapshot, workspaceId, 'sla', () => repos.slaPolicies.list(workspaceId)),
    },
    infoRequests: {
      ...repos.infoRequests,
      list: (workspaceId) => remember(snapshot, workspaceId, 'info', () => repos.infoRequests.list(workspaceId)),
    },
    rules: {
      ...repos.rules,
      list: (workspaceId, kind) =>
        remember(snapshot, workspaceId, `rules:${kind ?? '*'}`, () => repos.rules.list(workspaceId, kind)),
    },
    templates: {
      ...repos.templates,
      list: (workspaceId, kind) =>
        remember(snapshot, workspaceId, `templates:${kind ?? '*'}`, () => repos.templates.list(workspaceId, kind)),
    },
  };
};

/** What one run keeps between its steps: identities and replied-to messages it already looked up, queued jobs. */
export interface RunRepositories {
  repos: Repositories;
  /** Enqueues the run's jobs in one statement; call last, inside the same transaction. */
  flushJobs(): Promise<void>;
}

const identityKeyOf = (kind: string, channelKind: string | null, value: string) => `${kind}|${channelKind}|${value}`;

/**
 * The repositories one pipeline run works through: configuration from the snapshot, each identity and
 * replied-to message read once (kept current by the run's own writes), and jobs sent in one batch at the end.
 */
export const runRepositories = (repos: Repositories, snapshot: ConfigSnapshot): RunRepositories => {
  const configured = withConfiguration(repos, snapshot);
  const identities = new Map<string, Promise<Identity | null>>();
  const byExternalId = new Map<string, Promise<Message | null>>();
  const jobs: QueuedJob[] = [];
  const forgetMessages = <A extends unknown[]>(write: (...args: A) => Promise<void>) => {
    return (...args: A) => {
      byExternalId.clear();
      return write(...args);
    };
  };
  return {
    repos: {
      ...configured,
      identities: {
        ...repos.identities,
        find(workspaceId, kind, channelKind, value) {
          const key = `${workspaceId}|${identityKeyOf(kind, channelKind, value)}`;
          const known = identities.get(key);
          if (known !== undefined) return known;
          const reading = repos.identities.find(workspaceId, kind, channelKind, value);
          identities.set(key, reading);
          return reading;
        },
        async insert(identity) {
          await repos.identities.insert(identity);
          const key = `${identity.workspaceId}|${identityKeyOf(identity.kind, identity.channelKind, identity.value)}`;
          identities.set(key, Promise.resolve(identity));
        },
      },
      messages: {
        ...repos.messages,
        findByExternalId(channelId, externalId) {
          const key = `${channelId}|${externalId}`;
          const known = byExternalId.get(key);
          if (known !== undefined) return known;
          const reading = repos.messages.findByExternalId(channelId, externalId);
          byExternalId.set(key, reading);
          return reading;
        },
        update: forgetMessages(repos.messages.update),
        updateSent: forgetMessages(repos.messages.updateSent),
      },
      jobs: {
        async send(name, data, options) {
          jobs.push({ name, data, ...(options === undefined ? {} : { options }) } as QueuedJob);
          return null;
        },
        async sendMany(more) {
          jobs.push(...more);
        },
      },
    },
    async flushJobs() {
      if (jobs.length === 0) return;
      await repos.jobs.sendMany(jobs.splice(0));
    },
  };
};
