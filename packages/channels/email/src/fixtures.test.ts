import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanEmailText } from './clean-email-text.ts';
import { emailMailbox } from './email-mailbox.ts';
import { parseEmail } from './parse-email.ts';

/** Guards that every fixture, including ones added later, comes out without quoted history. */
const root = new URL('../test/fixtures/', import.meta.url);
const fixtures = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(txt|eml)$/.test(path));
const history = [/^\s*>/m, /\b(wrote|ha scritto):\s*$/im, /^\s*(from|da|sent|inviato|oggetto):/im, /original message/i];
const mailbox = emailMailbox.parse({ address: 'support@ascolta.local' });

describe('every e-mail fixture', () => {
  it('is there', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(22);
  });

  it.each(fixtures)('%s loses its quoted history or is set aside as automatic', async (path) => {
    const raw = readFileSync(new URL(path, root));
    if (path.endsWith('.txt')) {
      const text = cleanEmailText(raw.toString('utf8'));
      expect(text).not.toBe('');
      for (const marker of history) expect(text).not.toMatch(marker);
      return;
    }
    const event = await parseEmail(raw, { mailbox, receivedAt: new Date('2026-11-18T09:00:00Z') });
    if (event.kind !== 'message') return expect(event).toMatchObject({ kind: 'ignored', reason: expect.any(String) });
    for (const marker of history) expect(event.message.text).not.toMatch(marker);
  });
});
