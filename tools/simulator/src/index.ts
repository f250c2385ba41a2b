export {
  type DeliveryTarget,
  type EmailSimulator,
  type EmailSimulatorOptions,
  type SentEmail,
  startEmailSimulator,
} from './email/index.ts';
export {
  demoAccounts,
  type InjectedFailure,
  type PlatformState,
  type SentRecord,
  type SimulatedAccounts,
  type SimulatedApi,
  type SimulatedTweet,
} from './platform/platform-state.ts';
export {
  type PlatformSimulator,
  type SimulatorOptions,
  startPlatformSimulator,
} from './platform/start-platform-simulator.ts';
export type { EmailStep, Scenario, ScenarioContext, ScenarioStep, TimedStep } from './scenarios/scenario.ts';
export { scenarios } from './scenarios/scenarios.ts';
export {
  directMessageDelivery,
  facebookCommentDelivery,
  facebookVisitorPostDelivery,
  instagramCommentDelivery,
  type MetaPerson,
  whatsappReplyDelivery,
  whatsappStatusDelivery,
  whatsappTextDelivery,
} from './traffic/meta-deliveries.ts';
export { seededRandom } from './traffic/seeded-random.ts';
export {
  planScenario,
  type SendScenarioOptions,
  type SendScenarioResult,
  sendScenario,
} from './traffic/send-scenario.ts';
export {
  type Delivery,
  type DeliverySecrets,
  demoSecrets,
  type SignedDelivery,
  signDelivery,
} from './traffic/sign-delivery.ts';
export { type XPerson, xDirectMessageDelivery, xTweetDelivery } from './traffic/x-deliveries.ts';
