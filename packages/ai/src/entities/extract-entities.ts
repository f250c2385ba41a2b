import type { Entity, PiiFlag, PiiKind } from '@ascolta/core';
import { entityPatterns } from './entity-patterns.ts';

const overlaps = (a: Entity, b: Entity): boolean => a.start < b.end && b.start < a.end;

const matchesOf = (text: string): Entity[] => {
  const found: Entity[] = [];
  // Every kind but e-mail needs a digit, and most posts have none: skip the patterns that cannot match.
  const hasDigit = /\d/.test(text);
  const hasAt = text.includes('@');
  for (const { kind, pattern, group, normalise, mayMatch } of entityPatterns) {
    if (kind === 'email' ? !hasAt : !hasDigit) continue;
    if (mayMatch !== undefined && !mayMatch(text)) continue;
    for (const match of text.matchAll(pattern)) {
      const matched = match[group];
      if (matched === undefined || match.index === undefined) continue;
      const start = match.index + (group === 0 ? 0 : match[0].indexOf(matched));
      const candidate = { kind, start, end: start + matched.length, text: matched };
      const value = normalise(matched);
      // Pattern order is priority: a span already taken by a stronger kind is not reused.
      if (value !== null && !found.some((entity) => overlaps(entity, candidate as Entity))) {
        found.push({ ...candidate, value });
      }
    }
  }
  return found;
};

/** Order and tracking numbers, e-mails, phones, IBANs, amounts, dates, tax codes and cards, in text order. */
export const extractEntities = (text: string): Entity[] => matchesOf(text).sort((a, b) => a.start - b.start);

const piiKinds: ReadonlySet<string> = new Set<PiiKind>(['email', 'phone', 'iban', 'codice-fiscale', 'card-number']);

const isPiiKind = (kind: string): kind is PiiKind => piiKinds.has(kind);

/** The entities that are personal data, as spans to redact. */
export const findPii = (entities: readonly Entity[]): PiiFlag[] =>
  entities.flatMap((entity) =>
    isPiiKind(entity.kind) ? [{ kind: entity.kind, start: entity.start, end: entity.end }] : [],
  );
