import type { ChannelKind } from '../channel/channel.ts';
import type { Customer, Identity, IdentityKind } from '../customer/customer.ts';
import type { Triage } from '../triage/triage.ts';
import { attachIdentity, evidenceOf, findLinkedCustomer, recordEvidence } from './link-identities.ts';
import type { PipelineRun } from './pipeline-run.ts';

/** E-mail and WhatsApp authors are an address and a phone number, usable across channels; the rest are handles. */
const identityKindOf: Record<ChannelKind, IdentityKind> = {
  x: 'handle',
  facebook: 'handle',
  messenger: 'handle',
  instagram: 'handle',
  whatsapp: 'phone',
  email: 'email',
  custom: 'handle',
};

export const identityKey = (
  run: PipelineRun,
): { kind: IdentityKind; channelKind: ChannelKind | null; value: string } => {
  const kind = identityKindOf[run.message.channelKind];
  const raw = run.message.authorExternalId ?? run.message.authorHandle;
  return { kind, channelKind: kind === 'handle' ? run.message.channelKind : null, value: raw.trim().toLowerCase() };
};

/** Keeps the customer's reach current: the largest follower count seen and any verification. */
const refreshInfluence = async (run: PipelineRun, customer: Customer): Promise<Customer> => {
  const followers = Math.max(customer.followers, run.message.authorFollowers ?? 0);
  const isVerified = customer.isVerified || run.message.authorIsVerified === true;
  if (followers === customer.followers && isVerified === customer.isVerified) return customer;
  const updated = { ...customer, followers, isVerified, updatedAt: run.now };
  await run.deps.repos.customers.update(updated);
  return updated;
};

/** A new customer's language is their first message's, set at creation (one write instead of two). */
const createCustomer = async (run: PipelineRun, language: string): Promise<Customer> => {
  const { message, now, workspaceId } = run;
  const { repos, ids } = run.deps;
  const customer: Customer = {
    id: ids.newId(),
    workspaceId,
    displayName: message.authorName ?? message.authorHandle,
    language,
    valueTier: 'standard',
    lifetimeValueCents: 0,
    purchasesCount: 0,
    crmId: null,
    followers: message.authorFollowers ?? 0,
    isVerified: message.authorIsVerified === true,
    createdAt: now,
    updatedAt: now,
  };
  const identity: Identity = {
    ...identityKey(run),
    id: ids.newId(),
    workspaceId,
    customerId: customer.id,
    displayHandle: message.authorHandle,
    followers: customer.followers,
    isVerified: customer.isVerified,
    confidence: 1,
    createdAt: now,
  };
  await repos.customers.insert(customer);
  await repos.identities.insert(identity);
  const envelope = { workspaceId, actor: { type: 'system' as const }, ticketId: null, customerId: customer.id };
  run.events.push({ ...envelope, type: 'customer.created', data: { displayName: customer.displayName } });
  run.events.push({ ...envelope, type: 'customer.linked', data: { identityId: identity.id, confidence: 1 } });
  return customer;
};

/**
 * A suggestion made before the unknown author became a customer names nobody: point it at the new customer,
 * so an agent sees it on them and can merge or dismiss it.
 */
const nameSuggestionsAbout = (run: PipelineRun, customerId: string): void => {
  run.events.forEach((event, index) => {
    if (event.type === 'customer.link-suggested' && event.customerId === null)
      run.events[index] = { ...event, customerId };
  });
};

/**
 * Finds the message's author among known customers by their identity on the channel, or by an e-mail,
 * phone or order number the message gives that one known customer holds (linking the author's identity
 * to them), or creates them. Identities the message names and nobody holds are recorded on the customer.
 */
export const identifyCustomer = async (run: PipelineRun, triage: Triage): Promise<Customer> => {
  const { repos } = run.deps;
  const linkedId = run.message.customerId;
  const linked = linkedId === null ? null : await repos.customers.get(run.workspaceId, linkedId);
  if (linked !== null) return refreshInfluence(run, linked);
  const key = identityKey(run);
  const identity = await repos.identities.find(run.workspaceId, key.kind, key.channelKind, key.value);
  const known = identity === null ? null : await repos.customers.get(run.workspaceId, identity.customerId);
  const evidence = evidenceOf(run, triage);
  const found = await findLinkedCustomer(run, evidence, known?.id ?? null);
  if (found !== null) await attachIdentity(run, found.customer, key, found);
  const customer = known ?? found?.customer ?? (await createCustomer(run, triage.language));
  if (known === null && found === null) nameSuggestionsAbout(run, customer.id);
  await recordEvidence(run, customer, evidence);
  return known === null && found === null ? customer : refreshInfluence(run, customer);
};
