import { describe, expect, it } from 'vitest';
import { describeRefusal, isPermitted } from './permissions.ts';
import { signInLockout } from './sign-in-lockout.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute));

describe('signInLockout', () => {
  it('lets four failures through and locks at the fifth until the oldest leaves the window', () => {
    expect(signInLockout([at(0), at(1), at(2), at(3)], at(4))).toEqual({ isLocked: false });
    expect(signInLockout([at(0), at(1), at(2), at(3), at(4)], at(5))).toEqual({
      isLocked: true,
      retryAfterSeconds: 10 * 60,
    });
  });
});

describe('the permission table', () => {
  it('orders roles and scopes', () => {
    expect(isPermitted({ kind: 'role', role: 'agent' }, 'tickets.reply')).toBe(true);
    expect(isPermitted({ kind: 'role', role: 'agent' }, 'settings.update')).toBe(false);
    expect(isPermitted({ kind: 'role', role: 'supervisor' }, 'settings.update')).toBe(true);
    expect(isPermitted({ kind: 'role', role: 'supervisor' }, 'apiKeys.manage')).toBe(false);
    expect(isPermitted({ kind: 'scopes', scopes: ['read'] }, 'tickets.reply')).toBe(false);
    expect(isPermitted({ kind: 'scopes', scopes: ['write'] }, 'tickets.read')).toBe(true);
  });

  it('explains a refusal', () => {
    expect(describeRefusal({ kind: 'role', role: 'agent' }, 'settings.update')).toBe(
      "'settings.update' needs the supervisor role or higher; you are an agent.",
    );
  });
});
