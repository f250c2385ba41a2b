import {
  type Agent,
  type BusinessHours,
  type Channel,
  type ChannelKind,
  defaultPriorityBands,
  defaultPriorityWeights,
  defaultSurveySettings,
  type InfoRequest,
  type SlaPolicy,
  type Team,
  type Template,
  type Workspace,
  type WorkspaceSettings,
} from '@ascolta/core';
import { demoCredentials as demo } from './demo-credentials.ts';
import { demoId, demoNow, demoWorkspaceId, hoursBefore } from './demo-ids.ts';

const created = hoursBefore(24 * 60);

export const demoWorkspace: Workspace = {
  id: demoWorkspaceId,
  name: 'Ascolta Demo (Telco & Shop)',
  timeZone: 'Europe/Rome',
  languages: ['it', 'en'],
  createdAt: created,
};

export const demoSettings: WorkspaceSettings = {
  priorityWeights: defaultPriorityWeights,
  priorityBands: defaultPriorityBands,
  // The defaults, turned on: a CSAT question an hour after an agent resolves, once in 30 days, a 1 or 2 alerts.
  surveys: { ...defaultSurveySettings, isEnabled: true },
};

const weekdays = [1, 2, 3, 4, 5] as const;
export const demoBusinessHours: BusinessHours = {
  id: demoId('businessHours', 1),
  workspaceId: demoWorkspaceId,
  name: 'Orario assistenza (Lun–Ven 8–20, Sab 9–13)',
  timeZone: 'Europe/Rome',
  intervals: [
    ...weekdays.map((day) => ({ day, startMinute: 8 * 60, endMinute: 20 * 60 })),
    { day: 6 as const, startMinute: 9 * 60, endMinute: 13 * 60 },
  ],
  holidays: ['2026-12-08', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'],
};

export const demoSlaPolicy: SlaPolicy = {
  id: demoId('slaPolicy', 1),
  workspaceId: demoWorkspaceId,
  name: 'Social standard',
  businessHoursId: demoBusinessHours.id,
  breachRiskRatio: 0.8,
  targets: {
    urgent: { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: 4 * 60 },
    high: { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 8 * 60 },
    normal: { firstResponseMinutes: 120, nextResponseMinutes: 240, resolutionMinutes: 24 * 60 },
    low: { firstResponseMinutes: 8 * 60, nextResponseMinutes: 8 * 60, resolutionMinutes: 72 * 60 },
  },
};

export const demoTeams: Team[] = [
  {
    id: demoId('team', 1),
    workspaceId: demoWorkspaceId,
    name: 'Assistenza clienti',
    categories: ['delivery', 'returns', 'product-info', 'account', 'other'],
    languages: ['it', 'en'],
    businessHoursId: demoBusinessHours.id,
  },
  {
    id: demoId('team', 2),
    workspaceId: demoWorkspaceId,
    name: 'Tecnico e fatturazione',
    categories: ['technical', 'billing', 'cancellation'],
    languages: ['it', 'en'],
    businessHoursId: demoBusinessHours.id,
  },
];

type AgentRow = [
  name: string,
  email: string,
  role: Agent['role'],
  skills: string[],
  languages: string[],
  teams: number[],
  rating: number,
];
const agentRows: AgentRow[] = [
  ['Giulia Rossi', demo.adminEmail, 'admin', ['billing', 'account'], ['it', 'en'], [1, 2], 4.8],
  [
    'Marco Bianchi',
    'marco.bianchi@ascolta.local',
    'supervisor',
    ['technical', 'cancellation'],
    ['it', 'en'],
    [1, 2],
    4.6,
  ],
  ['Sara Conti', 'sara.conti@ascolta.local', 'agent', ['delivery', 'returns', 'product-info'], ['it', 'en'], [1], 4.7],
  ['Luca Moretti', 'luca.moretti@ascolta.local', 'agent', ['technical'], ['it'], [2], 4.1],
  ['Emma Clarke', 'emma.clarke@ascolta.local', 'agent', ['billing', 'account', 'delivery'], ['en', 'it'], [1, 2], 4.4],
  ['Paolo Ferri', 'paolo.ferri@ascolta.local', 'agent', ['cancellation', 'billing', 'technical'], ['it'], [2], 3.9],
];

export const demoAgents: Agent[] = agentRows.map(([name, email, role, skills, languages, teams, rating], index) => ({
  id: demoId('agent', index + 1),
  workspaceId: demoWorkspaceId,
  email,
  name,
  role,
  skills,
  languages,
  teamIds: teams.map((team) => demoId('team', team)),
  capacity: role === 'agent' ? 12 : 6,
  presence: index === 3 ? 'away' : 'online',
  businessHoursId: demoBusinessHours.id,
  rating,
  averageFirstResponseMinutes: 18 + index * 7,
  createdAt: created,
}));

const channel = (
  index: number,
  kind: ChannelKind,
  name: string,
  account: string,
  handle: string | null,
  settings: Record<string, unknown> = {},
): Channel => ({
  id: demoId('channel', index),
  workspaceId: demoWorkspaceId,
  kind,
  name,
  externalAccountId: account,
  handle,
  settings,
  health: { state: 'ok', lastError: null, lastErrorAt: null, retryAfter: null },
  isActive: true,
  createdAt: created,
});

export const demoChannels = {
  x: channel(1, 'x', 'X @ascolta_demo', demo.xAccountId, `@${demo.xHandle}`, {
    brandTerms: ['ascolta', 'ascoltademo', '#ascolta', 'ascolta telco'],
  }),
  facebook: channel(2, 'facebook', 'Facebook — Ascolta Demo', demo.facebookPageId, 'Ascolta Demo'),
  messenger: channel(3, 'messenger', 'Messenger — Ascolta Demo', demo.facebookPageId, 'Ascolta Demo'),
  instagram: channel(4, 'instagram', 'Instagram @ascolta.demo', demo.instagramAccountId, '@ascolta.demo'),
  whatsapp: channel(5, 'whatsapp', 'WhatsApp +39 02 0000 0000', demo.whatsappPhoneNumberId, '+390200000000'),
  email: channel(6, 'email', 'E-mail assistenza', demo.supportMailbox, demo.supportMailbox),
  custom: channel(7, 'custom', 'Recensioni negozio online', 'shop-reviews', null, { secret: 'demo-custom-secret' }),
} as const;

type InfoRow = [category: string, fields: InfoRequest['fields']];
const label = (it: string, en: string) => ({ it, en });
const infoRows: InfoRow[] = [
  [
    'delivery',
    [
      {
        name: 'orderNumber',
        entity: 'order-number',
        label: label("numero d'ordine", 'order number'),
        isRequired: true,
      },
      {
        name: 'email',
        entity: 'email',
        label: label("e-mail usata per l'ordine", 'e-mail used for the order'),
        isRequired: true,
      },
    ],
  ],
  [
    'returns',
    [
      {
        name: 'orderNumber',
        entity: 'order-number',
        label: label("numero d'ordine", 'order number'),
        isRequired: true,
      },
      { name: 'email', entity: 'email', label: label('indirizzo e-mail', 'e-mail address'), isRequired: false },
    ],
  ],
  [
    'billing',
    [
      {
        name: 'phone',
        entity: 'phone',
        label: label('numero di telefono della linea', 'phone number of the line'),
        isRequired: true,
      },
      {
        name: 'email',
        entity: 'email',
        label: label('e-mail del contratto', 'e-mail on the contract'),
        isRequired: true,
      },
    ],
  ],
  [
    'technical',
    [
      { name: 'phone', entity: 'phone', label: label('numero della linea', 'line number'), isRequired: true },
      { name: 'address', entity: 'free-text', label: label('comune o CAP', 'town or postcode'), isRequired: false },
    ],
  ],
  [
    'account',
    [{ name: 'email', entity: 'email', label: label("e-mail dell'account", 'account e-mail'), isRequired: true }],
  ],
  [
    'cancellation',
    [
      { name: 'phone', entity: 'phone', label: label('numero della linea', 'line number'), isRequired: true },
      {
        name: 'email',
        entity: 'email',
        label: label('e-mail del contratto', 'e-mail on the contract'),
        isRequired: true,
      },
    ],
  ],
];

export const demoInfoRequests: InfoRequest[] = infoRows.map(([category, fields], index) => ({
  id: demoId('infoRequest', index + 1),
  workspaceId: demoWorkspaceId,
  category,
  fields,
  prompt: {
    it: 'Ciao {{customer.name}}, per aiutarti subito ci servono: {{fields}}. Rispondi pure qui, in un solo messaggio.',
    en: 'Hi {{customer.name}}, to help you right away we need: {{fields}}. Just reply here, in one message.',
  },
  publicAcknowledgement: {
    it: 'Ciao {{customer.name}}, ci dispiace per il disagio: ti abbiamo scritto in privato per risolvere subito.',
    en: "Hi {{customer.name}}, sorry about this: we've sent you a private message to sort it out quickly.",
  },
  reminderAfterMinutes: 240,
}));

type TemplateRow = [
  kind: Template['kind'],
  name: string,
  category: string | null,
  language: string,
  body: string,
  threshold: number | null,
];
const templateRows: TemplateRow[] = [
  [
    'template',
    'Saluto e presa in carico',
    null,
    'it',
    'Ciao {{customer.name}}, sono {{agent.name}} e mi occupo io della tua richiesta (#{{ticket.number}}).',
    null,
  ],
  [
    'template',
    'Greeting and ownership',
    null,
    'en',
    "Hi {{customer.name}}, I'm {{agent.name}} and I'm looking after your request (#{{ticket.number}}).",
    null,
  ],
  [
    'macro',
    'Passaggio al team locale',
    null,
    'it',
    'Ti affidiamo ai colleghi del team {{team.name}}, che ti risponderanno qui entro oggi.',
    null,
  ],
  [
    'answer',
    'Tempi di consegna',
    'delivery',
    'it',
    'Le consegne standard arrivano in 2–4 giorni lavorativi; puoi seguire il pacco dal link nella mail di conferma. Se preferisci parlare con una persona, rispondi "operatore".',
    0.8,
  ],
  [
    'answer',
    'Delivery times',
    'delivery',
    'en',
    'Standard deliveries take 2–4 working days; you can track the parcel from the link in your confirmation e-mail. If you would rather talk to a person, reply "agent".',
    0.8,
  ],
  [
    'answer',
    'Come richiedere un reso',
    'returns',
    'it',
    'Puoi richiedere il reso entro 30 giorni dalla sezione "I miei ordini" > "Restituisci". Se preferisci parlare con una persona, rispondi "operatore".',
    0.85,
  ],
  [
    'answer',
    'How to return an item',
    'returns',
    'en',
    'You can start a return within 30 days from "My orders" > "Return". If you would rather talk to a person, reply "agent".',
    0.85,
  ],
  [
    'answer',
    'Recupero password',
    'account',
    'it',
    'Per reimpostare la password usa "Password dimenticata" nella pagina di accesso: ricevi un link valido 1 ora. Se preferisci parlare con una persona, rispondi "operatore".',
    0.85,
  ],
];

export const demoTemplates: Template[] = templateRows.map(
  ([kind, name, category, language, body, threshold], index) => ({
    id: demoId('template', index + 1),
    workspaceId: demoWorkspaceId,
    kind,
    name,
    category,
    language,
    body,
    autoAnswerThreshold: threshold,
  }),
);

export { demoNow };
