import { describe, expect, it } from 'vitest';
import {
  characterLimit,
  checkComposer,
  countCharacters,
  mentionOf,
  messagingWindow,
  templateVariables,
} from './composer-rules.ts';

const now = Date.parse('2026-11-20T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();

describe('composer rules', () => {
  it('limits public X replies to 280 characters, counting each link as 23', () => {
    expect(characterLimit('x', 'public')).toBe(280);
    expect(characterLimit('email', 'public')).toBeNull();
    expect(countCharacters('ciao https://example.com/a/very/long/path/that/goes/on/and/on', 'x')).toBe(5 + 23);
    expect(countCharacters('😀 è', 'x')).toBe(3);
    const check = checkComposer('a'.repeat(290), 'x', 'public', null, now);
    expect(check.overBy).toBe(10);
    expect(checkComposer('a'.repeat(290), 'email', 'public', null, now).overBy).toBe(0);
  });

  it('keeps a 24-hour messaging window for private replies on Meta channels only', () => {
    expect(messagingWindow('whatsapp', 'private', hoursAgo(2), now)).toEqual({
      state: 'open',
      hours: 24,
      closesInMs: 22 * 3_600_000,
    });
    expect(messagingWindow('messenger', 'private', hoursAgo(30), now)).toEqual({
      state: 'closed',
      hours: 24,
      closedForMs: 6 * 3_600_000,
    });
    expect(messagingWindow('x', 'private', hoursAgo(30), now)).toEqual({ state: 'none' });
    expect(messagingWindow('facebook', 'public', hoursAgo(30), now)).toEqual({ state: 'none' });
  });

  it('requires a template once the window has closed', () => {
    expect(checkComposer('hello', 'whatsapp', 'private', hoursAgo(25), now).needsTemplate).toBe(true);
    expect(checkComposer('hello', 'whatsapp', 'private', hoursAgo(1), now).needsTemplate).toBe(false);
    expect(checkComposer('hello', 'whatsapp', 'private', null, now).needsTemplate).toBe(true);
  });
});

describe('template variables and mentions', () => {
  it('asks only for the variables the server does not fill in', () => {
    expect(
      templateVariables('Ciao {{customer.name}}, il rimborso di {{ amount }} € per {{order}} parte oggi. {{amount}}'),
    ).toEqual(['amount', 'order']);
    expect(templateVariables('Grazie {{agent.name}}')).toEqual([]);
  });

  it('mentions an agent by the name part of the e-mail', () => {
    expect(mentionOf('sara.conti@ascolta.local')).toBe('@sara.conti');
  });
});
