export { type CustomConnectorOptions, createCustomConnector } from './create-custom-connector.ts';
export { type CustomMessageBody, customMessageBody } from './custom-message-body.ts';
export {
  type CustomSignatureCheck,
  checkCustomSignature,
  customSignatureHeader,
  customSignatureToleranceSeconds,
  signCustomBody,
} from './custom-signature.ts';
export { parseCustomWebhook } from './parse-custom-webhook.ts';
