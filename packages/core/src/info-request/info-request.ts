import type { EntityKind } from '../triage/triage.ts';

export interface InfoField {
  /** Field name stored on the ticket, e.g. `orderNumber`. */
  name: string;
  /** The triage entity that fills it when the customer writes it. */
  entity: EntityKind | 'free-text';
  /** Label per language, used to build the one question, e.g. `{ it: 'numero d'ordine', en: 'order number' }`. */
  label: Readonly<Record<string, string>>;
  isRequired: boolean;
}

/** Per category: the fields the bot must collect and how it asks for them, in one message. */
export interface InfoRequest {
  id: string;
  workspaceId: string;
  category: string;
  fields: readonly InfoField[];
  /** Message template per language; `{{fields}}` becomes the list of missing fields. */
  prompt: Readonly<Record<string, string>>;
  /** Public acknowledgement per language, posted on the original public post. */
  publicAcknowledgement: Readonly<Record<string, string>>;
  reminderAfterMinutes: number;
}
