import { randomUUID } from 'node:crypto';
import { type ChannelConnector, ConnectorError, type OutboundMessage, type SendResult } from '@ascolta/core';
import { createTransport } from 'nodemailer';
import { z } from 'zod';
import { buildReplyHeaders } from './build-reply-headers.ts';
import type { EmailConnectorConfig } from './email-connector-config.ts';
import { messageIdDomainOf, ownMessageIdPrefix } from './email-mailbox.ts';
import { createImapPoller, type EmailPullResult } from './imap-poller.ts';
import { mapSmtpError } from './map-smtp-error.ts';

export interface EmailConnector extends ChannelConnector {
  pull?(cursor: string | null): Promise<EmailPullResult>;
  /** Closes pooled SMTP connections; call on shutdown. */
  close(): void;
}

export interface EmailConnectorDeps {
  now: () => Date;
  /** Unique local part for our Message-IDs; random by default, fixed in tests. */
  newId?: () => string;
}

const recipient = z.email();

/** E-mail as a channel: replies over SMTP, threaded with In-Reply-To/References; inbound by IMAP polling. */
export function createEmailConnector(config: EmailConnectorConfig, deps: EmailConnectorDeps): EmailConnector {
  const transport = createTransport({
    host: config.smtp.host,
    port: config.smtp.port,
    secure: config.smtp.secure,
    auth: config.smtp.user === null ? undefined : { user: config.smtp.user, pass: config.smtp.password ?? '' },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const newId = deps.newId ?? randomUUID;
  const poller =
    config.imap === null ? null : createImapPoller({ imap: config.imap, mailbox: config.mailbox, now: deps.now });
  const connector: EmailConnector = {
    kind: 'email',
    capabilities: {
      webhook: false,
      pull: poller !== null,
      publicReply: false,
      privateReply: true,
      characterLimit: null,
      messagingWindowHours: null,
    },
    async send(message: OutboundMessage): Promise<SendResult> {
      if (!recipient.safeParse(message.recipientExternalId).success) {
        throw new ConnectorError('permanent', `not an e-mail address: ${message.recipientExternalId}`);
      }
      const headers = buildReplyHeaders(message);
      const messageId = `<${ownMessageIdPrefix}${newId()}@${messageIdDomainOf(config.mailbox)}>`;
      try {
        await transport.sendMail({
          from: { name: config.mailbox.displayName ?? '', address: config.mailbox.address },
          to: message.recipientExternalId,
          subject: headers.subject,
          text: message.text,
          messageId,
          inReplyTo: headers.inReplyTo ?? undefined,
          references: headers.references.length > 0 ? headers.references : undefined,
          headers: headers.isAutomatic ? { 'Auto-Submitted': 'auto-replied' } : {},
        });
      } catch (error) {
        throw mapSmtpError(error);
      }
      return { externalId: messageId, threadExternalId: headers.references[0] ?? messageId };
    },
    close: () => transport.close(),
  };
  if (poller !== null) connector.pull = poller.pull;
  return connector;
}
