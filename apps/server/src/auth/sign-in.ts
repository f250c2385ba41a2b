import { type Agent, DomainError, defaultLockoutPolicy, type Session, signInLockout } from '@ascolta/core';
import type { ApiContext } from '../http/api-context.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashSessionToken, newSessionToken, sessionIdleSeconds } from './session-cookie.ts';

// Unknown e-mail addresses still cost one scrypt, so timing does not tell which addresses have accounts.
let decoyHash: Promise<string> | null = null;
const decoy = (): Promise<string> => {
  decoyHash ??= hashPassword('decoy-password-never-matches');
  return decoyHash;
};

const refuseWhileLocked = async ({ store, clock }: ApiContext, email: string): Promise<void> => {
  const now = clock.now();
  const since = new Date(now.getTime() - defaultLockoutPolicy.windowMinutes * 60_000);
  const lockout = signInLockout(await store.signInFailures.listSince(email, since), now);
  if (lockout.isLocked) {
    throw new DomainError(
      'rate-limited',
      `Too many failed sign-ins for this account; try again in ${Math.ceil(lockout.retryAfterSeconds / 60)} minutes.`,
      { retryAfterSeconds: lockout.retryAfterSeconds },
    );
  }
};

export interface SignedIn {
  agent: Agent;
  session: Session;
  token: string;
}

/** Checks the password (with lock-out after repeated failures) and opens a server-side session. */
export const signIn = async (context: ApiContext, rawEmail: string, password: string): Promise<SignedIn> => {
  const { store, clock, ids } = context;
  const email = rawEmail.trim().toLowerCase();
  await refuseWhileLocked(context, email);
  const credentials = await store.agents.findCredentialsByEmail(email);
  const isRight = await verifyPassword(password, credentials?.passwordHash ?? (await decoy()));
  if (credentials === null || credentials.passwordHash === null || !isRight) {
    await store.signInFailures.record(email, clock.now());
    throw new DomainError('unauthenticated', 'The e-mail address or the password is wrong.');
  }
  await store.signInFailures.clear(email);
  const now = clock.now();
  const token = newSessionToken();
  const session: Session = {
    id: ids.newId(),
    workspaceId: credentials.agent.workspaceId,
    agentId: credentials.agent.id,
    tokenHash: hashSessionToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + sessionIdleSeconds * 1000),
    lastSeenAt: now,
  };
  await store.sessions.insert(session);
  return { agent: credentials.agent, session, token };
};
