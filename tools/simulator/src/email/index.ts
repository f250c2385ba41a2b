export {
  type ComposedEmail,
  type CustomerEmailOptions,
  type CustomerLanguage,
  composeCustomerEmail,
} from './customer-email.ts';
export { deliverOverSmtp } from './deliver-over-smtp.ts';
export type { SimulatedMailbox, StoredMail } from './simulated-mailbox.ts';
export type { SentEmail, SentEmailFilter, SmtpRefusal } from './smtp-sink.ts';
export {
  type DeliverOptions,
  type DeliveryTarget,
  type EmailSimulator,
  type EmailSimulatorOptions,
  startEmailSimulator,
} from './start-email-simulator.ts';
