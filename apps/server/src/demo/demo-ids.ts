/**
 * Fixed ids of the demo workspace: valid UUIDv4 shapes whose last group encodes what they name, so a
 * demo id in a log or a URL says what it is (`…-07…` is a ticket).
 */
const kinds = {
  workspace: '01',
  team: '02',
  agent: '03',
  channel: '04',
  customer: '05',
  identity: '06',
  ticket: '07',
  message: '08',
  businessHours: '09',
  slaPolicy: '0a',
  infoRequest: '0b',
  template: '0c',
  apiKey: '0d',
  event: '0e',
  touchpoint: '0f',
  rule: '10',
} as const;

export type DemoIdKind = keyof typeof kinds;

export const demoId = (kind: DemoIdKind, index: number): string =>
  `00000000-0000-4000-8000-${kinds[kind]}${index.toString(16).padStart(10, '0')}`;

export const demoWorkspaceId = demoId('workspace', 1);

/** The demo's clock: every demo timestamp is relative to this instant (a Friday morning in Rome). */
export const demoNow = new Date('2026-11-20T09:00:00.000Z');

export const hoursBefore = (hours: number): Date => new Date(demoNow.getTime() - hours * 3_600_000);
