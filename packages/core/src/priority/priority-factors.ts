import type { Customer, Touchpoint } from '../customer/customer.ts';
import type { PriorityWeights } from '../rule/rule.ts';
import type { MessageKind, Triage, UrgencyCue } from '../triage/triage.ts';

/** Everything the priority score looks at, gathered by the caller. */
export interface PriorityInput {
  triage: Pick<Triage, 'kind' | 'sentiment' | 'urgency' | 'scores'>;
  customer: Pick<Customer, 'valueTier' | 'lifetimeValueCents' | 'purchasesCount' | 'followers' | 'isVerified'> | null;
  /** Earlier posts or tickets by the same customer on the same matter in the repeat window. */
  repeatContacts: number;
  /** The customer's timeline; only the last `crossChannelWindowHours` count. */
  touchpoints: readonly Pick<Touchpoint, 'kind' | 'occurredAt' | 'data'>[];
  /** Minutes until the nearest SLA due time, negative once breached; null before SLA applies. */
  slaMinutesLeft: number | null;
  now: Date;
}

/** A factor's strength, 0..1, and why; null when the factor does not apply. */
export interface FactorReading {
  strength: number;
  reason: string;
}

export type PriorityFactor = keyof PriorityWeights;

const kindSeverity: Record<MessageKind, number> = {
  complaint: 1,
  request: 0.6,
  question: 0.5,
  feedback: 0.3,
  other: 0.2,
  praise: 0.1,
  spam: 0,
};

const cueStrength: Record<UrgencyCue, number> = {
  outage: 1,
  safety: 1,
  'legal-threat': 0.9,
  'churn-threat': 0.7,
};

const tierStrength: Record<NonNullable<PriorityInput['customer']>['valueTier'], number> = {
  standard: 0,
  silver: 0.3,
  gold: 0.6,
  platinum: 0.9,
};

const crossChannelWindowHours = 24;
const recentPurchaseWindowDays = 30;
/** Units bought recently that make the purchase alone count fully ("ten laptops"). */
const recentUnitsForFullStrength = 5;
/** Below this many minutes left the SLA factor starts to rise. */
const slaRampMinutes = 240;

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
const round2 = (value: number): number => Math.round(value * 100) / 100;
const hoursBetween = (earlier: Date, later: Date): number => (later.getTime() - earlier.getTime()) / 3_600_000;
/** Within the last `hours` before `now`: a touchpoint logged after the moment being scored does not count. */
const isWithinHoursBefore = (at: Date, now: Date, hours: number): boolean => {
  const elapsed = hoursBetween(at, now);
  return elapsed >= 0 && elapsed <= hours;
};

const severity = (input: PriorityInput): FactorReading => {
  const complaintScore = input.triage.scores.complaint ?? 0;
  const strength = Math.max(kindSeverity[input.triage.kind], complaintScore);
  return { strength, reason: `${input.triage.kind} (complaint score ${round2(complaintScore)})` };
};

const sentiment = (input: PriorityInput): FactorReading | null =>
  input.triage.sentiment < 0
    ? { strength: clamp01(-input.triage.sentiment), reason: `negative sentiment ${round2(input.triage.sentiment)}` }
    : null;

const urgency = (input: PriorityInput): FactorReading | null => {
  if (input.triage.urgency.length === 0) return null;
  const strength = Math.max(...input.triage.urgency.map((cue) => cueStrength[cue]));
  return { strength, reason: `urgency cues: ${input.triage.urgency.join(', ')}` };
};

const recentUnitsBought = (input: PriorityInput): number =>
  input.touchpoints
    .filter(
      (touch) =>
        touch.kind === 'order' && isWithinHoursBefore(touch.occurredAt, input.now, recentPurchaseWindowDays * 24),
    )
    .reduce((units, touch) => units + (typeof touch.data.quantity === 'number' ? touch.data.quantity : 1), 0);

const customerValue = (input: PriorityInput): FactorReading | null => {
  const { customer } = input;
  if (customer === null) return null;
  const euros = customer.lifetimeValueCents / 100;
  // log10: 100 € → 0.4, 10 000 € → 0.8, 100 000 € → 1.
  const lifetime = clamp01(Math.log10(1 + euros) / 5);
  const purchases = clamp01(customer.purchasesCount / 20);
  const units = recentUnitsBought(input);
  const recent = clamp01(units / recentUnitsForFullStrength);
  const strength = clamp01(Math.max(tierStrength[customer.valueTier], lifetime, purchases) + 0.5 * recent);
  if (strength === 0) return null;
  const reason = `${customer.valueTier} tier, lifetime value ${Math.round(euros)} €, ${customer.purchasesCount} purchases, ${units} units bought in the last ${recentPurchaseWindowDays} days`;
  return { strength, reason };
};

const influence = (input: PriorityInput): FactorReading | null => {
  const { customer } = input;
  if (customer === null) return null;
  // log10: 1 000 followers → 0.5, 1 000 000 → 1.
  const reach = clamp01(Math.log10(1 + customer.followers) / 6);
  const strength = clamp01(reach + (customer.isVerified ? 0.3 : 0));
  if (strength === 0) return null;
  return { strength, reason: `${customer.followers} followers${customer.isVerified ? ', verified' : ''}` };
};

const repeatContacts = (input: PriorityInput): FactorReading | null =>
  input.repeatContacts > 0
    ? { strength: clamp01(input.repeatContacts / 3), reason: `${input.repeatContacts} earlier contacts on this matter` }
    : null;

const crossChannel = (input: PriorityInput): FactorReading | null => {
  const recent = input.touchpoints.filter(
    (touch) =>
      (touch.kind === 'call' || touch.kind === 'email' || touch.kind === 'chat') &&
      isWithinHoursBefore(touch.occurredAt, input.now, crossChannelWindowHours),
  );
  if (recent.length === 0) return null;
  const kinds = recent.map((touch) => touch.kind).join(', ');
  return {
    strength: clamp01(recent.length / 2),
    reason: `contacted us in the last ${crossChannelWindowHours} h: ${kinds}`,
  };
};

const slaTimeLeft = (input: PriorityInput): FactorReading | null => {
  const left = input.slaMinutesLeft;
  if (left === null || left >= slaRampMinutes) return null;
  if (left <= 0) return { strength: 1, reason: `SLA breached ${Math.round(-left)} min ago` };
  return { strength: clamp01(1 - left / slaRampMinutes), reason: `${Math.round(left)} min left before the SLA` };
};

/** One reader per weight, so a new weight does not compile until it is read. */
export const priorityFactors: Record<PriorityFactor, (input: PriorityInput) => FactorReading | null> = {
  severity,
  sentiment,
  urgency,
  customerValue,
  influence,
  repeatContacts,
  crossChannel,
  slaTimeLeft,
};
