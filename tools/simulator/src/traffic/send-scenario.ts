import { composeCustomerEmail, deliverOverSmtp } from '../email/index.ts';
import type { SimulatedAccounts } from '../platform/platform-state.ts';
import type { EmailStep, Scenario, TimedStep } from '../scenarios/scenario.ts';
import { seededRandom } from './seeded-random.ts';
import { type DeliverySecrets, signDelivery } from './sign-delivery.ts';

export interface SendScenarioOptions {
  /** The product's base URL, e.g. `http://localhost:3000`. */
  target: string;
  seed: number;
  secrets: DeliverySecrets;
  accounts: SimulatedAccounts;
  customChannelId: string;
  supportMailbox: string;
  /** The product's SMTP listener for e-mail steps; without it they are skipped. */
  smtp: { host: string; port: number } | null;
  /** Deliveries per second; null sends each as soon as the previous one was acknowledged. */
  ratePerSecond: number | null;
  /** When the scenario's last message is written; the default is now. */
  endsAt?: Date;
  log?: (line: string) => void;
}

export interface SendScenarioResult {
  delivered: number;
  accepted: number;
  skipped: number;
  rejected: Array<{ path: string; status: number; body: string }>;
  ackMilliseconds: number[];
}

/** Plans a scenario with its seed (same seed, same traffic and ids) and delivers it to the product. */
export const planScenario = (scenario: Scenario, options: SendScenarioOptions): TimedStep[] => {
  const probe = scenario.build({ ...contextOf(options, new Date(0)) });
  const spanSeconds = Math.max(0, ...probe.map((step) => step.offsetSeconds));
  const end = options.endsAt ?? new Date();
  return scenario.build(contextOf(options, new Date(end.getTime() - spanSeconds * 1000)));
};

const contextOf = (options: SendScenarioOptions, start: Date) => ({
  accounts: options.accounts,
  customChannelId: options.customChannelId,
  start,
  random: seededRandom(options.seed),
});

export const sendScenario = async (scenario: Scenario, options: SendScenarioOptions): Promise<SendScenarioResult> => {
  const plan = planScenario(scenario, options);
  const result: SendScenarioResult = { delivered: 0, accepted: 0, skipped: 0, rejected: [], ackMilliseconds: [] };
  const pauseMs = options.ratePerSecond === null ? 0 : 1000 / options.ratePerSecond;
  for (const [index, { step, offsetSeconds }] of plan.entries()) {
    const started = performance.now();
    if (step.platform === 'email') {
      if (options.smtp === null) result.skipped += 1;
      else await sendEmail(step, options, options.smtp, `${index}-${offsetSeconds}`);
    } else {
      const signed = signDelivery(step, options.secrets, new Date());
      const response = await fetch(new URL(signed.path, options.target), {
        method: 'POST',
        headers: signed.headers,
        // A copy as a plain Uint8Array: fetch accepts it under both the Node and the DOM typings (the web e2e).
        body: new Uint8Array(signed.rawBody),
      }).catch((error: unknown) => `${error instanceof Error ? (error.cause ?? error.message) : error}`);
      // Status 0: the product could not be reached at all.
      const [status, body] = typeof response === 'string' ? [0, response] : [response.status, await response.text()];
      if (status >= 200 && status < 300) result.accepted += 1;
      else result.rejected.push({ path: signed.path, status, body: body.slice(0, 300) });
    }
    result.delivered += 1;
    result.ackMilliseconds.push(performance.now() - started);
    options.log?.(`${index + 1}/${plan.length} ${step.platform}`);
    const wait = pauseMs - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return result;
};

const sendEmail = async (
  step: EmailStep,
  options: SendScenarioOptions,
  smtp: { host: string; port: number },
  key: string,
) => {
  const email = await composeCustomerEmail({
    from: step.from,
    fromName: step.fromName,
    to: options.supportMailbox,
    language: step.language,
    subject: step.subject,
    text: step.text,
    localId: `sim-${options.seed}-${key}`,
    date: new Date(),
  });
  await deliverOverSmtp(smtp, step.from, options.supportMailbox, email.raw);
};
