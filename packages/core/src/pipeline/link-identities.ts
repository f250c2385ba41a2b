import type { ChannelKind } from '../channel/channel.ts';
import type { Customer, Identity, IdentityKind } from '../customer/customer.ts';
import type { Triage } from '../triage/triage.ts';
import type { PipelineRun } from './pipeline-run.ts';

/** An identity the message names besides its author: the channel's asserted e-mail, or one written in the text. */
interface Evidence {
  kind: Extract<IdentityKind, 'email' | 'phone' | 'order'>;
  value: string;
  /** 0..1: asserted by a trusted system 0.9, written by the customer 0.8, an order number 0.6. */
  confidence: number;
  description: string;
}

export interface AuthorKey {
  kind: IdentityKind;
  channelKind: ChannelKind | null;
  value: string;
}

/** Below this, one piece of evidence alone does not merge: an order number is shared by a household. */
const minConfidenceAlone = 0.8;

const normaliseName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();

export const evidenceOf = (run: PipelineRun, triage: Triage): Evidence[] => {
  const found: Evidence[] = [];
  const asserted = run.message.metadata.authorEmail;
  if (typeof asserted === 'string' && asserted.includes('@'))
    found.push({ kind: 'email', value: asserted.trim().toLowerCase(), confidence: 0.9, description: 'author e-mail' });
  for (const entity of triage.entities) {
    if (entity.kind === 'email')
      found.push({ kind: 'email', value: entity.value.toLowerCase(), confidence: 0.8, description: 'e-mail' });
    if (entity.kind === 'phone')
      found.push({ kind: 'phone', value: entity.value, confidence: 0.8, description: 'phone' });
    if (entity.kind === 'order-number')
      found.push({ kind: 'order', value: entity.value.toUpperCase(), confidence: 0.6, description: 'order-number' });
  }
  return found.filter(
    (evidence, index) => found.findIndex((o) => o.kind === evidence.kind && o.value === evidence.value) === index,
  );
};

const describeEvidence = (evidence: readonly Evidence[]): string =>
  evidence.map((item) => `${item.description} ${item.value}`).join(', ');

const newIdentity = (run: PipelineRun, customerId: string, key: AuthorKey, confidence: number): Identity => ({
  ...key,
  id: run.deps.ids.newId(),
  workspaceId: run.workspaceId,
  customerId,
  displayHandle: key.kind === 'handle' ? run.message.authorHandle : null,
  followers: key.kind === 'handle' ? (run.message.authorFollowers ?? 0) : 0,
  isVerified: key.kind === 'handle' && run.message.authorIsVerified === true,
  confidence,
  createdAt: run.now,
});

/**
 * The one known customer the message's evidence points to, or null. Several candidates, or only weak
 * evidence (an order number) with a different name, become a suggestion event for an agent: never a silent merge.
 */
export const findLinkedCustomer = async (
  run: PipelineRun,
  evidence: readonly Evidence[],
  /** The author's own customer when already known: then any other holder is only a suggestion. */
  selfId: string | null,
): Promise<{ customer: Customer; confidence: number; evidence: string } | null> => {
  const { repos } = run.deps;
  const holders = new Map<string, Evidence[]>();
  let hasUnheldContact = false;
  for (const item of evidence) {
    const held = await repos.identities.find(run.workspaceId, item.kind, null, item.value);
    if (held === null && item.kind !== 'order') hasUnheldContact = true;
    if (held !== null && held.customerId !== selfId)
      holders.set(held.customerId, [...(holders.get(held.customerId) ?? []), item]);
  }
  if (holders.size === 0) return null;
  const [only] = holders.size === 1 && selfId === null ? [...holders.entries()] : [];
  const customer = only === undefined ? null : await repos.customers.get(run.workspaceId, only[0]);
  const confidence = Math.max(0, ...(only?.[1] ?? []).map((item) => item.confidence));
  // An order number links only the same name, and only when the author gives no contact of their own.
  const sameName =
    customer !== null &&
    !hasUnheldContact &&
    normaliseName(customer.displayName) === normaliseName(run.message.authorName ?? '');
  if (customer !== null && only !== undefined && (confidence >= minConfidenceAlone || sameName))
    return { customer, confidence, evidence: describeEvidence(only[1]) };
  run.events.push({
    type: 'customer.link-suggested',
    workspaceId: run.workspaceId,
    actor: { type: 'system' },
    ticketId: null,
    customerId: selfId,
    data: { candidateCustomerIds: [...holders.keys()], evidence: describeEvidence(evidence) },
  });
  return null;
};

/** Attaches an identity to a customer with its confidence and why: the audit trail of every link. */
export const attachIdentity = async (
  run: PipelineRun,
  customer: Customer,
  key: AuthorKey,
  link: { confidence: number; evidence: string },
): Promise<void> => {
  const identity = newIdentity(run, customer.id, key, link.confidence);
  await run.deps.repos.identities.insert(identity);
  run.events.push({
    type: 'customer.linked',
    workspaceId: run.workspaceId,
    actor: { type: 'system' },
    ticketId: null,
    customerId: customer.id,
    data: { identityId: identity.id, confidence: link.confidence, evidence: link.evidence },
  });
};

/** Records the identities the message proved or named on its customer when nobody holds them yet. */
export const recordEvidence = async (
  run: PipelineRun,
  customer: Customer,
  evidence: readonly Evidence[],
): Promise<void> => {
  for (const item of evidence) {
    if ((await run.deps.repos.identities.find(run.workspaceId, item.kind, null, item.value)) !== null) continue;
    const key = { kind: item.kind, channelKind: null, value: item.value };
    await attachIdentity(run, customer, key, {
      confidence: item.confidence,
      evidence: `${item.description} in the message`,
    });
  }
};
