import { describe, expect, it } from 'vitest';
import { countCharacters } from './count-characters.ts';
import { renderTemplate } from './render-template.ts';
import { type ShapeReplyInput, shapeReply } from './shape-reply.ts';

const now = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (hours: number): Date => new Date(now.getTime() - hours * 3_600_000);

const input = (overrides: Partial<ShapeReplyInput> = {}): ShapeReplyInput => ({
  text: 'Ciao!',
  channelKind: 'x',
  visibility: 'public',
  lastCustomerMessageAt: null,
  now,
  overflow: 'split',
  ...overrides,
});

describe('renderTemplate', () => {
  it('fills the variables', () => {
    const text = renderTemplate('Ciao {{customer.name}}, ticket #{{ ticket.number }}.', {
      'customer.name': 'Giulia',
      'ticket.number': 42,
    });
    expect(text).toBe('Ciao Giulia, ticket #42.');
  });

  it('inserts values literally, never expanding placeholders inside them', () => {
    const text = renderTemplate('Ciao {{customer.name}}', { 'customer.name': '{{agent.secret}}', 'agent.secret': 'x' });
    expect(text).toBe('Ciao {{agent.secret}}');
  });

  it('lists every unknown variable in the error', () => {
    expect(() =>
      renderTemplate('{{customer.name}} {{order.id}} {{order.id}} {{eta}}', { 'customer.name': 'A' }),
    ).toThrowError(
      expect.objectContaining({ code: 'invalid-input', details: { unknownVariables: ['order.id', 'eta'] } }),
    );
  });
});

describe('countCharacters', () => {
  it('counts every link as 23 characters on X only', () => {
    const text = 'See https://example.com/a/very/long/path/that/goes/on/and/on/forever';
    expect(countCharacters(text, 'x')).toBe(4 + 23);
    expect(countCharacters(text, 'facebook')).toBe(text.length);
  });

  it('counts an emoji as one character', () => {
    expect(countCharacters('ok 👍', 'x')).toBe(4);
  });
});

describe('shapeReply', () => {
  it('keeps a short reply as one part', () => {
    expect(shapeReply(input())).toEqual({ parts: ['Ciao!'], delivery: { kind: 'free-form' }, warnings: [] });
  });

  it('splits a long X reply into a numbered thread that fits 280 characters', () => {
    const text = Array.from({ length: 120 }, (_, i) => `parola${i}`).join(' ');
    const { parts } = shapeReply(input({ text }));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(countCharacters(part, 'x')).toBeLessThanOrEqual(280);
    expect(parts[0]).toMatch(new RegExp(` 1/${parts.length}$`));
    expect(parts.map((part) => part.replace(/ \d+\/\d+$/, '')).join(' ')).toBe(text);
  });

  it('warns instead of splitting when asked', () => {
    const text = 'a'.repeat(300);
    const shaped = shapeReply(input({ text, overflow: 'warn' }));
    expect(shaped.parts).toEqual([text]);
    expect(shaped.warnings).toEqual(['300 characters; x allows 280']);
  });

  it('allows free-form private messages only inside the 24-hour window', () => {
    const whatsapp = { channelKind: 'whatsapp', visibility: 'private' } as const;
    expect(shapeReply(input({ ...whatsapp, lastCustomerMessageAt: hoursAgo(23) })).delivery.kind).toBe('free-form');
    expect(shapeReply(input({ ...whatsapp, lastCustomerMessageAt: hoursAgo(25) })).delivery.kind).toBe(
      'template-required',
    );
    const messenger = { channelKind: 'messenger', visibility: 'private' } as const;
    expect(shapeReply(input({ ...messenger, lastCustomerMessageAt: hoursAgo(48) })).delivery).toEqual({
      kind: 'message-tag',
      tag: 'HUMAN_AGENT',
    });
    expect(shapeReply(input({ ...messenger, lastCustomerMessageAt: hoursAgo(8 * 24) })).delivery.kind).toBe(
      'window-closed',
    );
  });

  it('has no window for public replies or e-mail', () => {
    expect(shapeReply(input({ channelKind: 'facebook', lastCustomerMessageAt: hoursAgo(100) })).delivery.kind).toBe(
      'free-form',
    );
    const email = input({
      channelKind: 'email',
      visibility: 'private',
      text: 'x'.repeat(10_000),
      lastCustomerMessageAt: hoursAgo(100),
    });
    expect(shapeReply(email).parts).toHaveLength(1);
  });
});
