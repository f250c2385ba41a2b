export { createMetaConnector, type MetaConnectorOptions } from './create-meta-connector.ts';
export { graphErrorToConnectorError } from './graph-error-to-connector-error.ts';
export { hydrateInstagramMention, type InstagramAccountTarget } from './hydrate-instagram-mention.ts';
export { humanAgentWindowHours, messagingTypeFor, standardWindowHours } from './messaging-window.ts';
export { type MetaOutboundMetadata, metaOutboundMetadata } from './meta-outbound-metadata.ts';
export { type MetaWebhookSecrets, parseMetaWebhook } from './parse-meta-webhook.ts';
export type { MetaChannelKind } from './send-meta-message.ts';
export { verifyMetaSignature } from './verify-meta-signature.ts';
