import type { ChannelKind } from '../channel/channel.ts';
import type { InboundMessage, OutboundMessage } from '../message/message.ts';

export interface ConnectorCapabilities {
  webhook: boolean;
  pull: boolean;
  publicReply: boolean;
  privateReply: boolean;
  /** Longest text one message may carry, or null for no practical limit. */
  characterLimit: number | null;
  /** Hours after the customer's last message during which free-form private messages are allowed. */
  messagingWindowHours: number | null;
}

/** An HTTP request as a webhook endpoint received it; the raw body is kept for signature checks. */
export interface WebhookRequest {
  method: 'GET' | 'POST';
  headers: Readonly<Record<string, string | undefined>>;
  query: Readonly<Record<string, string | undefined>>;
  rawBody: Uint8Array;
}

/** What one webhook delivery contained, after verification and normalisation. */
export type WebhookEvent =
  | { kind: 'message'; accountExternalId: string; message: InboundMessage }
  | {
      kind: 'delivery-status';
      accountExternalId: string;
      externalId: string;
      state: 'sent' | 'delivered' | 'read' | 'failed';
      error: string | null;
    }
  /** Reactions, read receipts, deletions, our own echoes: kept out of the inbox, with the reason. */
  | { kind: 'ignored'; accountExternalId: string | null; externalId: string | null; reason: string };

export type WebhookResult =
  /** A verification handshake: answer 200 with this body and content type. */
  | { kind: 'challenge'; body: string; contentType: 'text/plain' | 'application/json' }
  | { kind: 'events'; events: WebhookEvent[] };

/** Why a platform call failed, from a closed set so retry logic is written once. */
export type ConnectorFailure = 'temporary' | 'rate-limited' | 'auth-expired' | 'permanent';

export class ConnectorError extends Error {
  readonly failure: ConnectorFailure;
  readonly retryAfterSeconds: number | null;

  constructor(failure: ConnectorFailure, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ConnectorError';
    this.failure = failure;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface SendResult {
  /** The platform's id for what we sent: a reply to it lands in the same thread. */
  externalId: string;
  threadExternalId: string;
}

export interface PullResult {
  messages: InboundMessage[];
  /** Opaque: pass it to the next pull to receive only newer messages. */
  cursor: string | null;
}

/** One network's ears and voice. Implemented once per network in `packages/channels/<network>`. */
export interface ChannelConnector {
  readonly kind: ChannelKind;
  readonly capabilities: ConnectorCapabilities;
  /** Verifies the signature, then normalises. Throws `DomainError('bad-signature' | 'invalid-input')`. */
  parseWebhook?(request: WebhookRequest): Promise<WebhookResult>;
  pull?(cursor: string | null): Promise<PullResult>;
  send(message: OutboundMessage): Promise<SendResult>;
}
