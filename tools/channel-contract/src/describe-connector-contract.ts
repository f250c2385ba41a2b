import {
  type ChannelConnector,
  ConnectorError,
  type ConnectorFailure,
  DomainError,
  type InboundMessage,
  type OutboundMessage,
  type Visibility,
  type WebhookEvent,
  type WebhookRequest,
} from '@ascolta/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** What one connector's test provides: the connector wired to a running simulator, and the platform's hands. */
export interface ContractContext {
  connector: ChannelConnector;
  /**
   * A correctly signed delivery of one customer message with this id, in the platform's real shape, or
   * null when the network has no such message (WhatsApp has nothing public). For `private` a network
   * without private inbound messages may return a public one that is answered privately (a private reply).
   */
  customerDelivery(externalId: string, visibility: Visibility): WebhookRequest | null;
  /** A correctly signed delivery about something our own account wrote (an echo, or a delivery status). */
  echoDelivery(): WebhookRequest;
  /** A delivery whose signature was made with the wrong secret. */
  forgedDelivery(): WebhookRequest;
  /** Connector-specific reply metadata (e.g. a private reply to a comment). */
  replyMetadata?(visibility: Visibility): Record<string, unknown>;
  injectFailure(failure: Exclude<ConnectorFailure, 'permanent'>): void;
  /** The texts the simulated platform recorded in a thread. */
  sentInThread(threadExternalId: string): string[];
  /** Puts a customer message where `pull` finds it (connectors with `capabilities.pull`). */
  publishForPull?(externalId: string): void;
  close(): Promise<void>;
}

const messagesOf = (events: readonly WebhookEvent[]): InboundMessage[] =>
  events.flatMap((event) => (event.kind === 'message' ? [event.message] : []));

const failureOf = async (promise: Promise<unknown>): Promise<ConnectorError> => {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
};

/**
 * The behaviour every connector shares (STYLE.md habit 7): signed deliveries are normalised with stable
 * ids, echoes and forgeries are refused, replies land in the customer's thread, and platform failures
 * map to the closed set.
 */
export const describeConnectorContract = (name: string, setup: () => Promise<ContractContext>): void => {
  describe(`${name} connector contract`, () => {
    let context: ContractContext;
    let parse: (request: WebhookRequest) => Promise<InboundMessage[]>;
    const inbound = async (id: string, visibility: Visibility) => {
      const request = context.customerDelivery(id, visibility);
      return request === null ? null : ((await parse(request))[0] ?? null);
    };
    const replyTo = (message: InboundMessage, visibility: Visibility, text: string): OutboundMessage => ({
      channelKind: context.connector.kind,
      visibility,
      inReplyToExternalId: message.externalId,
      threadExternalId: message.threadExternalId,
      recipientExternalId: message.authorExternalId,
      text,
      subject: null,
      metadata: context.replyMetadata?.(visibility) ?? {},
    });
    const anyMessage = async (id: string) => (await inbound(id, 'public')) ?? (await inbound(id, 'private'));

    beforeAll(async () => {
      context = await setup();
      parse = async (request) => {
        const result = await context.connector.parseWebhook!(request);
        if (result.kind !== 'events') throw new Error('expected events, got a challenge');
        return messagesOf(result.events);
      };
    });
    afterAll(() => context.close());

    it('normalises a signed delivery with a stable external id (a replay gives the same ids)', async () => {
      const first = await anyMessage('contract-1');
      const second = await anyMessage('contract-1');
      expect(first).not.toBeNull();
      expect(first!.channelKind).toBe(context.connector.kind);
      expect(second!.externalId).toBe(first!.externalId);
      expect(second!.threadExternalId).toBe(first!.threadExternalId);
    });

    it('never turns an echo of our own account into a customer message', async () => {
      const result = await context.connector.parseWebhook!(context.echoDelivery());
      if (result.kind !== 'events') throw new Error('expected events');
      expect(result.events.length).toBeGreaterThan(0);
      expect(messagesOf(result.events)).toEqual([]);
      for (const event of result.events) if (event.kind === 'ignored') expect(event.reason).not.toBe('');
    });

    it('rejects a bad signature before reading the body', async () => {
      const rejection = context.connector.parseWebhook!(context.forgedDelivery());
      await expect(rejection).rejects.toBeInstanceOf(DomainError);
      await expect(rejection).rejects.toMatchObject({ code: 'bad-signature' });
    });

    for (const visibility of ['public', 'private'] as const) {
      it(`a ${visibility} reply lands in the customer's thread`, async () => {
        const canReply =
          visibility === 'public'
            ? context.connector.capabilities.publicReply
            : context.connector.capabilities.privateReply;
        const message = await inbound(`contract-${visibility}`, visibility);
        if (!canReply || message === null) return;
        const text = `Contract ${visibility} reply ${message.externalId}`;
        const result = await context.connector.send(replyTo(message, visibility, text));
        expect(result.externalId).not.toBe('');
        expect(result.threadExternalId).toBe(message.threadExternalId);
        expect(context.sentInThread(message.threadExternalId)).toContain(text);
      });
    }

    const failures = [
      ['auth-expired', 'auth-expired'],
      ['rate-limited', 'rate-limited'],
      ['temporary', 'temporary'],
    ] as const;
    for (const [injected, expected] of failures) {
      it(`maps a platform ${injected} failure to ${expected}`, async () => {
        const message = await anyMessage(`contract-failure-${injected}`);
        const visibility =
          context.connector.capabilities.publicReply && message!.visibility === 'public' ? 'public' : 'private';
        context.injectFailure(injected);
        const error = await failureOf(context.connector.send(replyTo(message!, visibility, 'will fail')));
        expect(error.failure).toBe(expected);
        if (expected === 'rate-limited') expect(error.retryAfterSeconds).toBeGreaterThan(0);
      });
    }

    it('pulls new messages once, then only newer ones (cursor)', async () => {
      if (!context.connector.capabilities.pull || context.publishForPull === undefined) return;
      context.publishForPull('9100000000000000001');
      const first = await context.connector.pull!(null);
      expect(first.messages.map((message) => message.externalId)).toContain('9100000000000000001');
      const second = await context.connector.pull!(first.cursor);
      expect(second.messages.map((message) => message.externalId)).not.toContain('9100000000000000001');
    });
  });
};
