/** What the AI understood of one message. Produced by a `Classifier`, stored with the message. */

export const messageKinds = ['complaint', 'question', 'request', 'praise', 'feedback', 'spam', 'other'] as const;
export type MessageKind = (typeof messageKinds)[number];

/** The default taxonomy; a workspace may define its own category ids. */
export const defaultCategories = [
  'billing',
  'delivery',
  'technical',
  'account',
  'returns',
  'product-info',
  'cancellation',
  'other',
] as const;
export type DefaultCategory = (typeof defaultCategories)[number];

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export const urgencyCues = ['outage', 'legal-threat', 'churn-threat', 'safety'] as const;
export type UrgencyCue = (typeof urgencyCues)[number];

export const entityKinds = [
  'order-number',
  'tracking-number',
  'email',
  'phone',
  'iban',
  'amount',
  'date',
  'codice-fiscale',
  'card-number',
] as const;
export type EntityKind = (typeof entityKinds)[number];

/** A span of the original text: `start` inclusive, `end` exclusive, UTF-16 code units. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface Entity extends TextSpan {
  kind: EntityKind;
  /** The matched text as written. */
  text: string;
  /** Canonical form: E.164 phone, upper-case IBAN, ISO date, amount in cents with currency. */
  value: string;
}

export type PiiKind = 'email' | 'phone' | 'iban' | 'codice-fiscale' | 'card-number';

export interface PiiFlag extends TextSpan {
  kind: PiiKind;
}

export interface Triage {
  language: string;
  languageConfidence: number;
  /** Needs a reply from customer care. */
  actionable: boolean;
  kind: MessageKind;
  category: string;
  categoryConfidence: number;
  /** -1 (very negative) … 1 (very positive). */
  sentiment: number;
  sentimentLabel: SentimentLabel;
  urgency: readonly UrgencyCue[];
  entities: readonly Entity[];
  /** Personal data posted where others can read it; spans for redaction. */
  pii: readonly PiiFlag[];
  /** Label → probability; always includes `complaint` and `actionable`. */
  scores: Readonly<Record<string, number>>;
  confidence: number;
  /** The few features or phrases that decided it, human-readable. */
  explanation: readonly string[];
  /** Identifies the model that produced this triage, e.g. `builtin@2026-11-22`. */
  model: string;
}

export type Visibility = 'public' | 'private';

/** What a classifier needs to know about one message. */
export interface TriageInput {
  text: string;
  channel?: string;
  visibility?: Visibility;
  /** The message replies to one of the brand's own posts or messages. */
  isReplyToBrand?: boolean;
  /** A language hint (ISO 639-1) from the platform, if any. */
  languageHint?: string;
  /** The workspace's category ids, if it has its own taxonomy. */
  categories?: readonly string[];
}
