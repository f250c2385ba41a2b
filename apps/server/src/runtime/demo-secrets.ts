import type { Config } from '../config.ts';
import { demoCredentials } from '../demo/demo-credentials.ts';

const demoAccessToken = 'demo-access-token';

/** In demo mode the platform secrets default to the documented demo values; configuration still wins. */
export const withDemoSecrets = (config: Config, isDemo: boolean): Config =>
  isDemo
    ? {
        ...config,
        surveySecret: config.surveySecret ?? demoCredentials.surveySecret,
        meta: {
          ...config.meta,
          appSecret: config.meta.appSecret ?? demoCredentials.metaAppSecret,
          verifyToken: config.meta.verifyToken ?? demoCredentials.metaVerifyToken,
          // The simulator accepts any bearer token; real platforms need the operator's.
          accessToken: config.meta.accessToken ?? demoAccessToken,
        },
        x: {
          ...config.x,
          consumerSecret: config.x.consumerSecret ?? demoCredentials.xConsumerSecret,
          accessToken: config.x.accessToken ?? demoAccessToken,
        },
      }
    : config;

export const demoBanner = (url: string): string =>
  [
    '',
    `  Ascolta demo workspace is ready at ${url}`,
    `    sign in        ${demoCredentials.adminEmail} / ${demoCredentials.password}`,
    `    API key        Authorization: Bearer ${demoCredentials.apiKey}`,
    `    Meta           app secret ${demoCredentials.metaAppSecret}, verify token ${demoCredentials.metaVerifyToken}`,
    `    X              consumer secret ${demoCredentials.xConsumerSecret}`,
    `    surveys        link secret ${demoCredentials.surveySecret}`,
    `    accounts       page ${demoCredentials.facebookPageId}, IG ${demoCredentials.instagramAccountId}, WhatsApp ${demoCredentials.whatsappPhoneNumberId}, X ${demoCredentials.xAccountId} (@${demoCredentials.xHandle})`,
    `    mailbox        ${demoCredentials.supportMailbox}`,
    '  (docs/demo.md lists them; ASCOLTA_DEMO=0 turns demo mode off)',
    '',
  ].join('\n');
