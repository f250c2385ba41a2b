/**
 * Byte n-gram scores of eld (Nito T.M., Apache-2.0, npm `eld`) restricted to the languages we
 * detect, in our own compact form. eld keeps one JavaScript object of all its 60 languages and
 * looks every n-gram up in it; for six languages a pruned open-addressing table of hashed n-grams
 * gives the same scores at a small fraction of the cost, and loads in a millisecond.
 */
export interface LanguageTable {
  languages: readonly string[];
  /** Which eld database the scores come from (`L60`, `S60`...). */
  source: string;
  /**
   * 16 bytes per slot, so a probe is one memory fetch: two independent 32-bit hashes of the n-gram's
   * bytes (hash A 0 = empty slot), then eld's score + 53 per language, one byte each (0 = the language
   * does not have this n-gram).
   */
  slots: Uint32Array;
  /** The same memory as bytes, for the scores (slot × 16 + 8 + language). */
  bytes: Uint8Array;
  mask: number;
}

/** Languages one table can hold: 8 score bytes per slot. */
export const maxTableLanguages = 8;
const slotWords = 4;

const magic = 'ASCL';
const formatVersion = 1;

/** FNV-1a over bytes, two seeds: a false match needs both 32-bit hashes to collide. */
export const hashBytesA = (bytes: Uint8Array, start: number, end: number, lead: boolean, trail: boolean): number => {
  let hash = 0x811c9dc5;
  if (lead) hash = Math.imul(hash ^ 32, 0x01000193);
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  if (trail) hash = Math.imul(hash ^ 32, 0x01000193);
  return hash >>> 0 || 1;
};

const stepB = (hash: number, byte: number): number => Math.imul(hash ^ byte, 0x5bd1e995) ^ (hash >>> 15);

export const hashBytesB = (bytes: Uint8Array, start: number, end: number, lead: boolean, trail: boolean): number => {
  let hash = 0x9747b28c;
  if (lead) hash = stepB(hash, 32);
  for (let i = start; i < end; i += 1) hash = stepB(hash, bytes[i] as number);
  if (trail) hash = stepB(hash, 32);
  return hash >>> 0;
};

const slotOf = (table: Pick<LanguageTable, 'slots' | 'mask'>, a: number, b: number): number => {
  let slot = (Math.imul(a, 0x9e3779b1) >>> 0) & table.mask;
  for (;;) {
    const key = table.slots[slot * slotWords] as number;
    if (key === 0 || (key === a && table.slots[slot * slotWords + 1] === b)) return slot;
    slot = (slot + 1) & table.mask;
  }
};

/** Byte offset of the scores of an n-gram, or -1 when the table does not have it. */
export const findNgram = (table: LanguageTable, a: number, b: number): number => {
  const slot = slotOf(table, a, b);
  return table.slots[slot * slotWords] === 0 ? -1 : slot * slotWords * 4 + 8;
};

const tableOf = (languages: readonly string[], source: string, slots: Uint32Array): LanguageTable => ({
  languages,
  source,
  slots,
  bytes: new Uint8Array(slots.buffer, slots.byteOffset, slots.byteLength),
  mask: slots.length / slotWords - 1,
});

export interface NgramEntry {
  bytes: Uint8Array;
  /** Leading and trailing space markers are part of the bytes. */
  scores: readonly number[];
}

/** Builds the table from n-grams given as byte strings (spaces included), scores per language. */
export const buildLanguageTable = (
  languages: readonly string[],
  source: string,
  entries: readonly NgramEntry[],
): LanguageTable => {
  if (languages.length > maxTableLanguages) throw new Error(`a language table holds ${maxTableLanguages} languages`);
  // At most 75 % full: probes stay short.
  let capacity = 1024;
  while (capacity * 0.75 < entries.length) capacity *= 2;
  const table = tableOf(languages, source, new Uint32Array(capacity * slotWords));
  for (const entry of entries) {
    const a = hashBytesA(entry.bytes, 0, entry.bytes.length, false, false);
    const b = hashBytesB(entry.bytes, 0, entry.bytes.length, false, false);
    const slot = slotOf(table, a, b);
    table.slots[slot * slotWords] = a;
    table.slots[slot * slotWords + 1] = b;
    entry.scores.forEach((score, l) => {
      table.bytes[slot * slotWords * 4 + 8 + l] = score;
    });
  }
  return table;
};

/** File: magic, version, JSON header (languages, source, capacity), then the slots. */
export const encodeLanguageTable = (table: LanguageTable): Uint8Array => {
  const header = new TextEncoder().encode(
    JSON.stringify({ languages: table.languages, source: table.source, capacity: table.mask + 1 }),
  );
  const bodyStart = (12 + header.length + 3) & ~3;
  const bytes = new Uint8Array(bodyStart + table.slots.byteLength);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(magic), 0);
  view.setUint32(4, formatVersion, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  bytes.set(table.bytes, bodyStart);
  return bytes;
};

export const decodeLanguageTable = (bytes: Uint8Array): LanguageTable => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== magic || view.getUint32(4, true) !== formatVersion) {
    throw new Error('not an Ascolta language table (bad magic or version)');
  }
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as {
    languages: string[];
    source: string;
    capacity: number;
  };
  const start = (12 + headerLength + 3) & ~3;
  const slots = new Uint32Array(bytes.slice(start, start + header.capacity * slotWords * 4).buffer);
  return tableOf(header.languages, header.source, slots);
};
