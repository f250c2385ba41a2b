import { createSmtpListener, emailMailbox } from '@ascolta/channel-email';
import type { Clock, IdGenerator, Store } from '@ascolta/core';
import { ingestWebhookEvents } from '../webhooks/ingest-webhook-events.ts';

export interface EmailIntake {
  port: number;
  stop(): Promise<void>;
}

export interface EmailIntakeOptions {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  host: string;
  port: number;
  maxSizeBytes: number;
}

/**
 * The built-in SMTP listener for every active e-mail channel's mailbox, storing mail through the same
 * idempotent ingest as webhooks (a redelivered mail keeps its Message-ID). Mailboxes are read at start:
 * a channel added later is served after a restart. Null when there is no e-mail channel.
 */
export const startEmailIntake = async (options: EmailIntakeOptions): Promise<EmailIntake | null> => {
  const mailboxes = [];
  for (const workspace of await options.store.workspaces.list()) {
    for (const channel of await options.store.channels.list(workspace.id)) {
      if (channel.kind !== 'email' || !channel.isActive) continue;
      const aliases = Array.isArray(channel.settings.aliases) ? channel.settings.aliases : [];
      mailboxes.push(emailMailbox.parse({ address: channel.externalAccountId, aliases }));
    }
  }
  if (mailboxes.length === 0) return null;
  const context = { store: options.store, clock: options.clock, ids: options.ids, statusKinds: ['email'] as const };
  const listener = createSmtpListener({
    host: options.host,
    port: options.port,
    mailboxes,
    maxSizeBytes: options.maxSizeBytes,
    now: () => options.clock.now(),
    // A rejection answers 451, so the sending server keeps the mail and tries again.
    onMessage: async ({ event }) => {
      await ingestWebhookEvents(context, [event]);
    },
  });
  const { port } = await listener.start();
  return { port, stop: () => listener.stop() };
};
