export interface EmailThread {
  /** `<id@host>`, angle brackets included: the form the headers carry and replies must repeat. */
  messageId: string;
  inReplyTo: string | null;
  /** Oldest first, as RFC 5322 orders `References`. */
  references: readonly string[];
  /** The first message of the conversation: every reply in it shares this id. */
  rootId: string;
}

export interface EmailThreadHeaders {
  messageId: string;
  inReplyTo: string | null | undefined;
  references: string | readonly string[] | null | undefined;
}

/** Finds the conversation an e-mail belongs to from its `References` and `In-Reply-To` headers. */
export function threadOfEmail(headers: EmailThreadHeaders): EmailThread {
  const messageId = normaliseMessageId(headers.messageId);
  const references = listMessageIds(headers.references).filter((id) => id !== messageId);
  const inReplyTo = listMessageIds(headers.inReplyTo ?? null)[0] ?? null;
  const rootId = references[0] ?? inReplyTo ?? messageId;
  return { messageId, inReplyTo, references, rootId };
}

/** Wraps a bare id in angle brackets so `abc@host` and `<abc@host>` are one key. */
export function normaliseMessageId(id: string): string {
  const trimmed = id.trim();
  const inner = trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1) : trimmed;
  return `<${inner.trim()}>`;
}

function listMessageIds(value: string | readonly string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const joined = typeof value === 'string' ? value : value.join(' ');
  const bracketed = joined.match(/<[^<>\s]+>/g);
  if (bracketed !== null) return bracketed.map(normaliseMessageId);
  return joined
    .split(/[\s,]+/)
    .filter((part) => part.includes('@'))
    .map(normaliseMessageId);
}
