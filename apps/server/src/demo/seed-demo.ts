import { createHash } from 'node:crypto';
import type { Classifier, Store } from '@ascolta/core';
import { hashPassword } from '../auth/password.ts';
import { hashApiKey } from '../http/authenticate.ts';
import { buildDemoConversations } from './demo-conversations.ts';
import { demoCredentials } from './demo-credentials.ts';
import { demoCustomers, demoIdentities, demoTouchpoints } from './demo-customers.ts';
import { demoId, demoWorkspaceId } from './demo-ids.ts';
import {
  demoAgents,
  demoBusinessHours,
  demoChannels,
  demoInfoRequests,
  demoSettings,
  demoSlaPolicy,
  demoTeams,
  demoTemplates,
  demoWorkspace,
} from './demo-workspace.ts';
import { triageDemo } from './triage-demo.ts';

// A salt derived from the e-mail keeps the seeded rows identical from run to run.
const demoSalt = (email: string): Buffer =>
  createHash('sha256').update(`ascolta-demo:${email}`).digest().subarray(0, 16);

/**
 * Writes the demo workspace in one transaction. Returns false, touching nothing, when it is already there,
 * so a restart keeps whatever the demo users changed. With a classifier, messages carry real triage and
 * tickets real priority contributions.
 */
export const seedDemo = async (store: Store, classifier?: Classifier): Promise<boolean> => {
  if ((await store.workspaces.get(demoWorkspaceId)) !== null) return false;
  const passwordHashes = await Promise.all(
    demoAgents.map((agent) => hashPassword(demoCredentials.password, demoSalt(agent.email))),
  );
  const { tickets, messages, events } = buildDemoConversations();
  if (classifier !== undefined) await triageDemo(classifier, messages, tickets);
  await store.transaction(async (tx) => {
    await tx.workspaces.insert(demoWorkspace);
    await tx.settings.put(demoWorkspaceId, demoSettings);
    await tx.apiKeys.insert({
      id: demoId('apiKey', 1),
      workspaceId: demoWorkspaceId,
      name: 'Demo integration key',
      secretHash: hashApiKey(demoCredentials.apiKey),
      scopes: ['read', 'write', 'admin'],
      createdAt: demoWorkspace.createdAt,
      revokedAt: null,
      lastUsedAt: null,
    });
    await tx.businessHours.insert(demoBusinessHours);
    await tx.slaPolicies.insert(demoSlaPolicy);
    for (const team of demoTeams) await tx.teams.insert(team);
    for (const [index, agent] of demoAgents.entries()) await tx.agents.insert(agent, passwordHashes[index] ?? null);
    for (const channel of Object.values(demoChannels)) await tx.channels.insert(channel);
    for (const request of demoInfoRequests) await tx.infoRequests.insert(request);
    for (const template of demoTemplates) await tx.templates.insert(template);
    for (const customer of demoCustomers) await tx.customers.insert(customer);
    for (const identity of demoIdentities) await tx.identities.insert(identity);
    for (const touchpoint of demoTouchpoints) await tx.touchpoints.insert(touchpoint);
    // Tickets in creation order, so their numbers read like a real history.
    const byCreation = [...tickets].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const ticket of byCreation) await tx.tickets.insert(ticket);
    for (const message of messages) await tx.messages.insertIdempotent(message);
    await tx.events.append([...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()));
  });
  return true;
};
