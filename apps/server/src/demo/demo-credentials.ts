/** The fixed demo credentials of DESIGN.md, printed at start-up and listed in docs/demo.md. */
export const demoCredentials = {
  adminEmail: 'admin@ascolta.local',
  password: 'ascolta-demo',
  apiKey: 'demo-api-key',
  metaAppSecret: 'demo-meta-app-secret',
  metaVerifyToken: 'demo-verify-token',
  xConsumerSecret: 'demo-x-consumer-secret',
  surveySecret: 'demo-survey-link-secret',
  facebookPageId: '100000000000001',
  instagramAccountId: '17840000000000001',
  whatsappPhoneNumberId: '100000000000002',
  xAccountId: '1000000000000000001',
  xHandle: 'ascolta_demo',
  supportMailbox: 'support@ascolta.local',
} as const;
