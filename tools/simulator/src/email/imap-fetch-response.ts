import type { ImapToken } from './imap-tokens.ts';
import type { StoredMail } from './simulated-mailbox.ts';

/** Builds `* n FETCH (...)` for the items imapflow asks for; bodies go out as literals, byte for byte. */
export function imapFetchResponse(sequence: number, mail: StoredMail, items: readonly ImapToken[]): Buffer {
  const parts: Buffer[] = [];
  const names = items.flatMap((item) => (typeof item === 'string' ? expandMacro(item.toUpperCase()) : []));
  if (!names.includes('UID')) names.unshift('UID');
  for (const name of names) {
    const part = fetchItem(name, mail);
    if (part !== null) parts.push(Buffer.from(parts.length === 0 ? '' : ' '), part);
  }
  return Buffer.concat([Buffer.from(`* ${sequence} FETCH (`), ...parts, Buffer.from(')\r\n')]);
}

/** True when the items read the body without PEEK, which sets \Seen (RFC 3501 §6.4.5). */
export function fetchMarksSeen(items: readonly ImapToken[]): boolean {
  return items.some((item) => typeof item === 'string' && /^(BODY\[|RFC822$|RFC822\.TEXT)/i.test(item));
}

function expandMacro(name: string): string[] {
  if (name === 'ALL') return ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE'];
  if (name === 'FAST') return ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE'];
  if (name === 'FULL') return ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE'];
  return [name];
}

function fetchItem(name: string, mail: StoredMail): Buffer | null {
  if (name === 'UID') return Buffer.from(`UID ${mail.uid}`);
  if (name === 'FLAGS') return Buffer.from(`FLAGS (${[...mail.flags].join(' ')})`);
  if (name === 'RFC822.SIZE') return Buffer.from(`RFC822.SIZE ${mail.raw.length}`);
  if (name === 'INTERNALDATE') return Buffer.from(`INTERNALDATE "${imapDate(mail.internalDate)}"`);
  if (name === 'ENVELOPE') return Buffer.from(`ENVELOPE ${envelopeOf(mail.raw)}`);
  const body = name.match(/^(BODY(?:\.PEEK)?\[(HEADER|TEXT)?\]|RFC822|RFC822\.HEADER)(<\d+(?:\.\d+)?>)?$/);
  if (body === null) return null;
  const headerEnd = mail.raw.indexOf('\r\n\r\n');
  const split = headerEnd < 0 ? mail.raw.length : headerEnd + 4;
  const section = body[2] ?? (body[1] === 'RFC822.HEADER' ? 'HEADER' : '');
  const bytes =
    section === 'HEADER' ? mail.raw.subarray(0, split) : section === 'TEXT' ? mail.raw.subarray(split) : mail.raw;
  const label = body[1]?.startsWith('RFC822') ? body[1] : `BODY[${section}]`;
  return Buffer.concat([Buffer.from(`${label} {${bytes.length}}\r\n`), bytes]);
}

function imapDate(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (value: number): string => String(value).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${pad(date.getUTCDate())}-${months[date.getUTCMonth()]}-${date.getUTCFullYear()} ${time} +0000`;
}

/** `(date subject from sender reply-to to cc bcc in-reply-to message-id)` from the raw headers. */
function envelopeOf(raw: Buffer): string {
  const headers = readHeaders(raw);
  const from = addressList(headers.get('from'));
  return `(${[
    quote(headers.get('date')),
    quote(headers.get('subject')),
    from,
    from,
    addressList(headers.get('reply-to')) === 'NIL' ? from : addressList(headers.get('reply-to')),
    addressList(headers.get('to')),
    addressList(headers.get('cc')),
    'NIL',
    quote(headers.get('in-reply-to')),
    quote(headers.get('message-id')),
  ].join(' ')})`;
}

function readHeaders(raw: Buffer): Map<string, string> {
  const end = raw.indexOf('\r\n\r\n');
  const text = raw
    .subarray(0, end < 0 ? raw.length : end)
    .toString('utf8')
    .replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function addressList(value: string | undefined): string {
  if (value === undefined || value === '') return 'NIL';
  const addresses = value.split(',').flatMap((entry) => {
    const match = entry.match(/^\s*"?([^"<]*?)"?\s*<([^@>]+)@([^>]+)>\s*$/) ?? entry.match(/^\s*()([^@\s]+)@(\S+)\s*$/);
    if (match === null) return [];
    const [, name = '', mailbox = '', host = ''] = match;
    return [`(${name === '' ? 'NIL' : quote(name)} NIL ${quote(mailbox)} ${quote(host)})`];
  });
  return addresses.length === 0 ? 'NIL' : `(${addresses.join('')})`;
}

function quote(value: string | undefined): string {
  return value === undefined ? 'NIL' : `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}
