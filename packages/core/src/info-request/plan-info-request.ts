import type { Entity, PiiFlag, Visibility } from '../triage/triage.ts';
import {
  type CareLanguage,
  type CareTexts,
  careLanguageFor,
  careTexts,
  defaultTone,
  type ToneOfVoice,
} from './care-texts.ts';
import { composeCareText } from './compose-care-text.ts';
import type { InfoField, InfoRequest } from './info-request.ts';

/** Whether people are at work now and, if not, when they will be. */
export interface Staffing {
  isOpen: boolean;
  nextOpeningAt: Date | null;
  timeZone: string;
}

export interface InfoRequestInput {
  /** The category's request, or null when the category needs no information. */
  infoRequest: InfoRequest | null;
  entities: readonly Entity[];
  pii: readonly PiiFlag[];
  visibility: Visibility;
  /** The customer's language, ISO 639-1. */
  language: string;
  customerName: string;
  /** Fields the ticket already holds. */
  collectedFields: Readonly<Record<string, string>>;
  staffing: Staffing;
  tone?: Partial<Record<CareLanguage, ToneOfVoice>>;
  now: Date;
}

export interface InfoRequestPlan {
  /** Everything known after reading the post: the ticket's fields plus what the entities filled. */
  collectedFields: Record<string, string>;
  /** Names of required fields still missing. */
  missingFields: string[];
  /** The short answer on the public post, or null for a private message. */
  publicReply: string | null;
  /** The one private message, or null when nothing needs saying in private. */
  privateMessage: string | null;
  /** One reminder if the customer does not answer. */
  reminder: { at: Date; text: string } | null;
}

/** Fills fields from the entities found in a text; free-text fields are left to the customer's answer. */
export const fillFieldsFromEntities = (
  fields: readonly InfoField[],
  entities: readonly Entity[],
  known: Readonly<Record<string, string>>,
): Record<string, string> => {
  const filled: Record<string, string> = { ...known };
  for (const field of fields) {
    if (filled[field.name] !== undefined || field.entity === 'free-text') continue;
    const entity = entities.find((candidate) => candidate.kind === field.entity);
    if (entity !== undefined) filled[field.name] = entity.value;
  }
  return filled;
};

// Building Intl formatters is slow (a visible share of a pipeline step) and they depend only on their keys.
const openingFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

const openingFormat = (language: string, timeZone: string): Intl.DateTimeFormat => {
  const key = `${language}|${timeZone}`;
  let format = openingFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    openingFormats.set(key, format);
  }
  return format;
};

const listFormat = (language: string): Intl.ListFormat => {
  let format = listFormats.get(language);
  if (format === undefined) {
    format = new Intl.ListFormat(language, { type: 'conjunction' });
    listFormats.set(language, format);
  }
  return format;
};

const openingText = (staffing: Staffing, language: string): string | null => {
  if (staffing.isOpen || staffing.nextOpeningAt === null) return null;
  return openingFormat(language, staffing.timeZone).format(staffing.nextOpeningAt);
};

const listFields = (fields: readonly InfoField[], language: CareLanguage, customerLanguage: string): string =>
  listFormat(language).format(
    fields.map((field) => field.label[customerLanguage] ?? field.label[language] ?? field.name),
  );

interface Drafting {
  input: InfoRequestInput;
  texts: CareTexts;
  compose: (template: string) => string;
  missing: readonly InfoField[];
  /** The out-of-hours sentence, or '' while staffed. */
  outOfHours: string;
  goesPrivate: boolean;
}

const draftPublicReply = ({ input, texts, compose, outOfHours, goesPrivate }: Drafting): string | null => {
  if (input.visibility !== 'public') return null;
  const configured = input.infoRequest?.publicAcknowledgement[input.language];
  const base = configured ?? (goesPrivate ? texts.publicAcknowledgeMoveToPrivate : texts.publicAcknowledge);
  const notice = input.pii.length > 0 ? ` ${texts.personalDataNotice}` : '';
  return `${compose(`${base}${notice}`)}${outOfHours}`;
};

const draftPrivateMessage = ({ input, texts, compose, missing, outOfHours, goesPrivate }: Drafting): string | null => {
  // A private conversation hears about opening hours here, a public one already did in the public reply.
  const hoursNote = input.visibility === 'private' ? outOfHours : '';
  if (missing.length > 0)
    return `${compose(input.infoRequest?.prompt[input.language] ?? texts.askForFields)}${hoursNote}`;
  if (goesPrivate) return `${compose(texts.continueInPrivate)}${hoursNote}`;
  return hoursNote === '' ? null : hoursNote.trim();
};

/**
 * Plans the bot's one interaction: which required fields are missing, a short public answer for a
 * public post (moving personal data to private) and one private message asking for everything at once.
 */
export const planInfoRequest = (input: InfoRequestInput): InfoRequestPlan => {
  const language = careLanguageFor(input.language);
  const texts = careTexts[language];
  const fields = input.infoRequest?.fields ?? [];
  const collectedFields = fillFieldsFromEntities(fields, input.entities, input.collectedFields);
  const missing = fields.filter((field) => field.isRequired && collectedFields[field.name] === undefined);
  const opening = openingText(input.staffing, input.language);
  const context = {
    customerName: input.customerName,
    tone: input.tone?.[language] ?? defaultTone[language],
    values: { fields: listFields(missing, language, input.language), opening: opening ?? '' },
  };
  const compose = (template: string) => composeCareText(template, context);
  const drafting: Drafting = {
    input,
    texts,
    compose,
    missing,
    outOfHours: opening === null ? '' : ` ${compose(texts.outOfHours)}`,
    goesPrivate: missing.length > 0 || (input.visibility === 'public' && input.pii.length > 0),
  };
  const reminderMinutes = input.infoRequest?.reminderAfterMinutes ?? 0;
  const reminder =
    missing.length > 0 && reminderMinutes > 0
      ? { at: new Date(input.now.getTime() + reminderMinutes * 60_000), text: compose(texts.reminder) }
      : null;
  return {
    collectedFields,
    missingFields: missing.map((field) => field.name),
    publicReply: draftPublicReply(drafting),
    privateMessage: draftPrivateMessage(drafting),
    reminder,
  };
};
