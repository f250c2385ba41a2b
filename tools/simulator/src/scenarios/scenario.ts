import type { SimulatedAccounts } from '../platform/platform-state.ts';
import type { SeededRandom } from '../traffic/seeded-random.ts';
import type { Delivery } from '../traffic/sign-delivery.ts';

/** A customer e-mail, handed to the product's SMTP listener by the e-mail simulator. */
export interface EmailStep {
  platform: 'email';
  from: string;
  fromName: string;
  language: 'it' | 'en';
  subject: string;
  text: string;
}

export type ScenarioStep = Delivery | EmailStep;

export interface TimedStep {
  /** Seconds after the scenario's start at which the customer wrote it. */
  offsetSeconds: number;
  step: ScenarioStep;
}

export interface ScenarioContext {
  accounts: SimulatedAccounts;
  /** The custom channel that logs phone calls (`/webhooks/custom/:id`). */
  customChannelId: string;
  start: Date;
  random: SeededRandom;
}

export interface Scenario {
  summary: string;
  build(context: ScenarioContext): TimedStep[];
}
