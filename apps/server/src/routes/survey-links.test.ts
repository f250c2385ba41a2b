import { describe, expect, it } from 'vitest';
import { createSurveyLinks, surveyLinksOf } from './survey-links.ts';

const links = createSurveyLinks('a-secret-of-sixteen+', 'https://care.example/');
const now = new Date('2026-11-22T10:00:00Z');
const tomorrow = new Date('2026-11-23T10:00:00Z');
const tokenOf = (link: string) => link.replace('https://care.example/s/', '');

describe('survey links', () => {
  it('signs the workspace, survey and expiry into a link under the public URL', () => {
    const link = links.linkFor({ workspaceId: 'w-1', id: 's-1' }, tomorrow);
    expect(link).toMatch(/^https:\/\/care\.example\/s\/w-1\.s-1\.1795428000\.[\w-]{43}$/);
    expect(links.check(tokenOf(link), now)).toEqual({ kind: 'valid', workspaceId: 'w-1', surveyId: 's-1' });
    expect(links.check(tokenOf(link), tomorrow)).toEqual({ kind: 'expired', workspaceId: 'w-1', surveyId: 's-1' });
  });

  it('refuses a changed survey, expiry or signature, another secret and malformed tokens', () => {
    const token = tokenOf(links.linkFor({ workspaceId: 'w-1', id: 's-1' }, tomorrow));
    expect(links.check(token.replace('s-1', 's-2'), now)).toEqual({ kind: 'invalid' });
    expect(links.check(token.replace('1795428000', '1895428000'), now)).toEqual({ kind: 'invalid' });
    expect(links.check(`${token.slice(0, -2)}AA`, now)).toEqual({ kind: 'invalid' });
    expect(createSurveyLinks('another-secret-123', 'https://care.example').check(token, now)).toEqual({
      kind: 'invalid',
    });
    for (const bad of ['', 'w-1.s-1', 'w-1.s-1.abc.sig', 'a.b.c.d.e', '../../etc.s.1.x']) {
      expect(links.check(bad, now)).toEqual({ kind: 'invalid' });
    }
  });

  it('refuses a signature changed only in the spare bits of its last base64url character', () => {
    const token = tokenOf(links.linkFor({ workspaceId: 'w-1', id: 's-1' }, tomorrow));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1) ?? 'A');
    // 32 bytes fill 42 characters and 4 bits of the 43rd: its two low bits decode to nothing.
    const sameBytes = alphabet[last ^ 1] ?? 'A';
    const altered = `${token.slice(0, -1)}${sameBytes}`;
    expect(Buffer.from(altered.split('.').at(-1) ?? '', 'base64url')).toEqual(
      Buffer.from(token.split('.').at(-1) ?? '', 'base64url'),
    );
    expect(links.check(altered, now)).toEqual({ kind: 'invalid' });
  });

  it('exists only with a secret, and falls back to the listening address', () => {
    expect(surveyLinksOf({ surveySecret: null, publicUrl: null, host: '0.0.0.0', port: 3000 })).toBeNull();
    const local = surveyLinksOf({ surveySecret: 'a-secret-of-sixteen+', publicUrl: null, host: '0.0.0.0', port: 3000 });
    expect(local?.linkFor({ workspaceId: 'w', id: 's' }, tomorrow)).toMatch(/^http:\/\/localhost:3000\/s\//);
  });
});
