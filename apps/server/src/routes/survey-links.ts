import { createHmac, timingSafeEqual } from 'node:crypto';

export type SurveyTokenCheck =
  | { kind: 'valid'; workspaceId: string; surveyId: string }
  | { kind: 'expired'; workspaceId: string; surveyId: string }
  | { kind: 'invalid' };

/** Signed, expiring links to a survey's public answer page (`/s/:token`). */
export interface SurveyLinks {
  linkFor(survey: { workspaceId: string; id: string }, expiresAt: Date): string;
  check(token: string, now: Date): SurveyTokenCheck;
}

const signatureOf = (secret: string, body: string): Buffer =>
  createHmac('sha256', secret).update(`ascolta-survey:${body}`).digest();

const id = /^[\w-]{1,100}$/u;

/**
 * A token is `<workspaceId>.<surveyId>.<expiry, unix seconds>.<HMAC-SHA256, base64url>`: the server keeps no
 * list of links, and a changed id or expiry breaks the signature. `publicUrl` is where customers reach us.
 */
export const createSurveyLinks = (secret: string, publicUrl: string): SurveyLinks => {
  const base = publicUrl.replace(/\/+$/u, '');
  return {
    linkFor(survey, expiresAt) {
      const body = `${survey.workspaceId}.${survey.id}.${Math.floor(expiresAt.getTime() / 1000)}`;
      return `${base}/s/${body}.${signatureOf(secret, body).toString('base64url')}`;
    },
    check(token, now) {
      const parts = token.split('.');
      if (parts.length !== 4) return { kind: 'invalid' };
      const [workspaceId, surveyId, expiry, signature] = parts as [string, string, string, string];
      if (!id.test(workspaceId) || !id.test(surveyId) || !/^\d{1,12}$/u.test(expiry)) return { kind: 'invalid' };
      const expected = signatureOf(secret, `${workspaceId}.${surveyId}.${expiry}`);
      // Compared as text: base64url's last character has spare bits, so decoding would accept altered links.
      const given = Buffer.from(signature);
      const wanted = Buffer.from(expected.toString('base64url'));
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { kind: 'invalid' };
      const kind = Number(expiry) * 1000 <= now.getTime() ? 'expired' : 'valid';
      return { kind, workspaceId, surveyId };
    },
  };
};

/** The links of this server, or null when no survey secret is configured (questions then ask for a reply). */
export const surveyLinksOf = (config: {
  surveySecret: string | null;
  publicUrl: string | null;
  host: string;
  port: number;
}): SurveyLinks | null => {
  if (config.surveySecret === null) return null;
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  return createSurveyLinks(config.surveySecret, config.publicUrl ?? `http://${host}:${config.port}`);
};
