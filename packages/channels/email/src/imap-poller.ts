import { ConnectorError, type PullResult } from '@ascolta/core';
import { ImapFlow } from 'imapflow';
import { z } from 'zod';
import type { ImapConfig } from './email-connector-config.ts';
import type { EmailMailbox } from './email-mailbox.ts';
import { type EmailEvent, parseEmail } from './parse-email.ts';

/** A pull also reports what it read and set aside (auto-replies, echoes, bounces), so nothing vanishes unlogged. */
export interface EmailPullResult extends PullResult {
  events: EmailEvent[];
}

/** UIDs are only comparable while UIDVALIDITY stays the same (RFC 3501 §2.3.1.1). */
const imapCursor = z.object({ uidValidity: z.string(), lastUid: z.number().int().min(0) });
type ImapCursor = z.infer<typeof imapCursor>;

export interface ImapPollerOptions {
  imap: ImapConfig;
  mailbox: EmailMailbox;
  now: () => Date;
}

/** Reads new mail by UID, marks it \Seen, and returns a cursor so the next pull starts after it. */
export function createImapPoller(options: ImapPollerOptions): {
  pull(cursor: string | null): Promise<EmailPullResult>;
} {
  return {
    async pull(cursor) {
      const client = new ImapFlow({
        host: options.imap.host,
        port: options.imap.port,
        secure: options.imap.secure,
        auth: { user: options.imap.user, pass: options.imap.password },
        logger: false,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 60_000,
      });
      // Socket errors also reject the pending command, which is where they are reported.
      client.on('error', () => undefined);
      try {
        await client.connect();
        const result = await pullOpen(client, options, readCursor(cursor));
        await client.logout();
        return result;
      } catch (error) {
        client.close();
        throw error instanceof ConnectorError ? error : mapImapError(error);
      }
    },
  };
}

async function pullOpen(
  client: ImapFlow,
  options: ImapPollerOptions,
  cursor: ImapCursor | null,
): Promise<EmailPullResult> {
  const box = await client.mailboxOpen(options.imap.folder);
  const uidValidity = String(box.uidValidity);
  const since = cursor?.uidValidity === uidValidity ? cursor.lastUid : null;
  // A first pull (or a rebuilt folder) takes what nobody has read yet rather than years of history.
  const found =
    since === null
      ? await client.search({ seen: false }, { uid: true })
      : await client.search({ uid: `${since + 1}:*` }, { uid: true });
  const uids = (found || [])
    .filter((uid) => since === null || uid > since)
    .sort((a, b) => a - b)
    .slice(0, options.imap.maxMessagesPerPull);
  const events: EmailEvent[] = [];
  if (uids.length > 0) {
    for await (const fetched of client.fetch(uids.join(','), { uid: true, source: true }, { uid: true })) {
      if (fetched.source === undefined) continue;
      events.push(await parseEmail(fetched.source, { mailbox: options.mailbox, receivedAt: options.now() }));
    }
    await client.messageFlagsAdd(uids.join(','), ['\\Seen'], { uid: true });
  }
  const lastUid = uids.at(-1) ?? since ?? Math.max(0, box.uidNext - 1);
  const messages = events.flatMap((event) => (event.kind === 'message' ? [event.message] : []));
  return { messages, events, cursor: JSON.stringify({ uidValidity, lastUid } satisfies ImapCursor) };
}

/** An unreadable cursor restarts from unread mail; the \Seen flags keep that from reading anything twice. */
function readCursor(cursor: string | null): ImapCursor | null {
  if (cursor === null) return null;
  try {
    const parsed = imapCursor.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function mapImapError(error: unknown): ConnectorError {
  const failure = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const message = `IMAP poll failed: ${String(failure.responseText ?? failure.message ?? error)}`;
  if (failure.authenticationFailed === true) return new ConnectorError('auth-expired', message);
  return new ConnectorError('temporary', message);
}
