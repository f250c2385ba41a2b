import { describe, expect, it } from 'vitest';
import type { ApiKeyScope } from './api-key.ts';
import { describeRefusal, isPermitted, scopeCovers } from './permissions.ts';
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

  it('grants a key its resources at their level and nothing else', () => {
    const key = (...scopes: ApiKeyScope[]) => ({ kind: 'scopes' as const, scopes });
    expect(isPermitted(key('tickets:write'), 'tickets.read')).toBe(true);
    expect(isPermitted(key('tickets:read'), 'tickets.reply')).toBe(false);
    expect(isPermitted(key('tickets:write'), 'customers.read')).toBe(false);
    expect(isPermitted(key('reports:read'), 'reports.read')).toBe(true);
    expect(isPermitted(key('webhooks:manage'), 'apiKeys.manage')).toBe(false);
    // The broad scopes keep their first-release meaning: `write` never manages settings, keys or webhooks.
    expect(isPermitted(key('write'), 'settings.update')).toBe(false);
    expect(isPermitted(key('write'), 'webhooks.manage')).toBe(false);
    expect(isPermitted(key('admin'), 'webhooks.manage')).toBe(true);
    expect(scopeCovers('read', 'reports:read')).toBe(true);
    expect(scopeCovers('settings:manage', 'settings:read')).toBe(true);
  });

  it('names the missing scope for a key', () => {
    expect(describeRefusal({ kind: 'scopes', scopes: ['tickets:read'] }, 'tickets.reply')).toBe(
      "'tickets.reply' needs an API key with the 'tickets:write' scope; this key has 'tickets:read'.",
    );
  });

  it('explains a refusal', () => {
    expect(describeRefusal({ kind: 'role', role: 'agent' }, 'settings.update')).toBe(
      "'settings.update' needs the supervisor role or higher; you are an agent.",
    );
  });
});
