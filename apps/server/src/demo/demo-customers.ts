import type { ChannelKind, Customer, Identity, Touchpoint, ValueTier } from '@ascolta/core';
import { demoId, demoWorkspaceId, hoursBefore } from './demo-ids.ts';

type IdentityRow = [
  kind: Identity['kind'],
  channelKind: ChannelKind | null,
  value: string,
  handle: string | null,
  followers: number,
];
type CustomerRow = [
  name: string,
  language: string,
  tier: ValueTier,
  lifetimeValueEuro: number,
  purchases: number,
  verified: boolean,
  identities: IdentityRow[],
];

/** Fourteen customers, several reachable on more than one channel. */
const customerRows: CustomerRow[] = [
  [
    'Francesca Galli',
    'it',
    'gold',
    2400,
    18,
    false,
    [
      ['handle', 'x', '2000000000000000001', '@fra_galli', 1200],
      ['email', null, 'francesca.galli@example.it', null, 0],
      ['phone', null, '+393471234567', null, 0],
    ],
  ],
  ['Tom Baker', 'en', 'standard', 90, 1, false, [['handle', 'x', '2000000000000000002', '@tombaker_uk', 310]]],
  [
    'Alessandro Russo',
    'it',
    'platinum',
    18500,
    64,
    true,
    [
      ['handle', 'x', '2000000000000000003', '@alerusso', 48200],
      ['handle', 'instagram', '17841400000000003', '@ale.russo', 61000],
      ['email', null, 'a.russo@example.it', null, 0],
    ],
  ],
  [
    'Chiara Lombardi',
    'it',
    'silver',
    640,
    7,
    false,
    [
      ['handle', 'facebook', '6100000000000004', 'Chiara Lombardi', 0],
      ['handle', 'messenger', '7100000000000004', 'Chiara Lombardi', 0],
    ],
  ],
  [
    'Giorgio Marino',
    'it',
    'standard',
    120,
    2,
    false,
    [
      ['handle', 'whatsapp', '393401112233', '+39 340 111 2233', 0],
      ['phone', null, '+393401112233', null, 0],
    ],
  ],
  [
    'Emily Carter',
    'en',
    'gold',
    3100,
    22,
    false,
    [
      ['handle', 'instagram', '17841400000000006', '@emily.c', 2300],
      ['email', null, 'emily.carter@example.co.uk', null, 0],
    ],
  ],
  ['Davide Greco', 'it', 'standard', 45, 1, false, [['email', null, 'davide.greco@example.it', null, 0]]],
  [
    'Martina Bruno',
    'it',
    'silver',
    890,
    9,
    false,
    [
      ['handle', 'facebook', '6100000000000008', 'Martina Bruno', 0],
      ['handle', 'whatsapp', '393332223344', '+39 333 222 3344', 0],
      ['phone', null, '+393332223344', null, 0],
    ],
  ],
  ['James Wilson', 'en', 'standard', 0, 0, false, [['handle', 'x', '2000000000000000009', '@jwilson_dev', 95]]],
  [
    'Valentina Costa',
    'it',
    'gold',
    5200,
    31,
    false,
    [
      ['handle', 'x', '2000000000000000010', '@vale_costa', 8700],
      ['email', null, 'valentina.costa@example.it', null, 0],
      ['phone', null, '+393298887766', null, 0],
    ],
  ],
  [
    'Roberto Fontana',
    'it',
    'standard',
    230,
    3,
    false,
    [['handle', 'messenger', '7100000000000011', 'Roberto Fontana', 0]],
  ],
  [
    'Sophie Martin',
    'en',
    'silver',
    720,
    6,
    false,
    [
      ['handle', 'whatsapp', '447700900123', '+44 7700 900123', 0],
      ['email', null, 'sophie.martin@example.com', null, 0],
    ],
  ],
  [
    'Luigi Esposito',
    'it',
    'standard',
    60,
    1,
    false,
    [['handle', 'instagram', '17841400000000013', '@luigi_espo', 140]],
  ],
  [
    'Anna Ricci',
    'it',
    'platinum',
    12800,
    40,
    false,
    [
      ['email', null, 'anna.ricci@example.it', null, 0],
      ['handle', 'facebook', '6100000000000014', 'Anna Ricci', 0],
    ],
  ],
];

export const demoCustomers: Customer[] = customerRows.map(
  ([name, language, tier, ltv, purchases, verified, identities], index) => ({
    id: demoId('customer', index + 1),
    workspaceId: demoWorkspaceId,
    displayName: name,
    language,
    valueTier: tier,
    lifetimeValueCents: ltv * 100,
    purchasesCount: purchases,
    crmId: tier === 'standard' ? null : `CRM-${1000 + index}`,
    followers: Math.max(0, ...identities.map((identity) => identity[4])),
    isVerified: verified,
    createdAt: hoursBefore(24 * (50 - index)),
    updatedAt: hoursBefore(24 * (50 - index)),
  }),
);

export const demoIdentities: Identity[] = customerRows.flatMap(([, , , , , verified, identities], customerIndex) =>
  identities.map(([kind, channelKind, value, handle, followers], identityIndex) => ({
    id: demoId('identity', (customerIndex + 1) * 10 + identityIndex),
    workspaceId: demoWorkspaceId,
    customerId: demoId('customer', customerIndex + 1),
    kind,
    channelKind,
    value,
    displayHandle: handle,
    followers,
    isVerified: verified && kind === 'handle',
    confidence: 1,
    createdAt: hoursBefore(24 * (50 - customerIndex)),
  })),
);

/** Calls, orders and e-mails logged by other systems: Valentina called and e-mailed today before tweeting. */
const touchpointRows: Array<
  [customer: number, kind: Touchpoint['kind'], source: string, summary: string, hoursAgo: number]
> = [
  [
    10,
    'call',
    'hotline',
    'Chiamata al 187: linea fibra assente da ieri sera, ticket tecnico aperto dal call center.',
    3,
  ],
  [10, 'email', 'mailbox', 'E-mail a reclami@: "Ancora senza internet, lavoro da casa".', 2],
  [3, 'order', 'shop', "Ordine 2026-118842: 10 laptop per l'ufficio, 12.400 €.", 30],
  [1, 'order', 'shop', 'Ordine 2026-117310: smartphone, 899 €.', 72],
  [14, 'call', 'hotline', 'Richiesta informazioni su offerta business.', 48],
  [6, 'order', 'shop', 'Order 2026-118120: wireless earbuds, £149.', 96],
];

export const demoTouchpoints: Touchpoint[] = touchpointRows.map(
  ([customer, kind, source, summary, hoursAgo], index) => ({
    id: demoId('touchpoint', index + 1),
    workspaceId: demoWorkspaceId,
    customerId: demoId('customer', customer),
    kind,
    source,
    summary,
    occurredAt: hoursBefore(hoursAgo),
    data: {},
  }),
);
