export { brandTermsFromSettings } from './brand-terms-from-settings.ts';
export {
  type BrandTerms,
  buildListeningRules,
  defaultServiceTriggers,
  type ListeningRule,
} from './build-listening-rules.ts';
export { createXConnector, type XConnectorOptions } from './create-x-connector.ts';
export { dmConversationId } from './dm-conversation-id.ts';
export { parseXWebhook } from './parse-x-webhook.ts';
export { xErrorToConnectorError } from './x-error-to-connector-error.ts';
export { crcResponseToken, verifyXSignature } from './x-signatures.ts';
