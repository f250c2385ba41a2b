export {
  type ComposedEmail,
  type CustomerEmailOptions,
  type CustomerLanguage,
  composeCustomerEmail,
  deliverOverSmtp,
} from './customer-email.ts';
export type { SimulatedMailbox, StoredMail } from './simulated-mailbox.ts';
export type { SentEmail, SentEmailFilter, SmtpRefusal } from './smtp-sink.ts';
export {
  type DeliverOptions,
  type DeliveryTarget,
  type EmailSimulator,
  type EmailSimulatorOptions,
  startEmailSimulator,
} from './start-email-simulator.ts';
