/** A parsed IMAP argument: an atom or string, or a parenthesised list of them. */
export type ImapToken = string | ImapToken[];

/**
 * Splits the arguments of one command line (literals already inlined). Atoms keep their `[...]` section
 * whole, so `BODY.PEEK[HEADER.FIELDS (FROM TO)]` stays one token.
 */
export function tokenizeImap(text: string): ImapToken[] {
  const stack: ImapToken[][] = [[]];
  let index = 0;
  const top = (): ImapToken[] => stack[stack.length - 1] ?? [];
  while (index < text.length) {
    const char = text[index];
    if (char === ' ') {
      index += 1;
    } else if (char === '(') {
      const list: ImapToken[] = [];
      top().push(list);
      stack.push(list);
      index += 1;
    } else if (char === ')') {
      if (stack.length > 1) stack.pop();
      index += 1;
    } else if (char === '"') {
      const [value, end] = readQuoted(text, index + 1);
      top().push(value);
      index = end;
    } else {
      const [value, end] = readAtom(text, index);
      top().push(value);
      index = end;
    }
  }
  return stack[0] ?? [];
}

function readQuoted(text: string, start: number): [string, number] {
  let value = '';
  let index = start;
  while (index < text.length && text[index] !== '"') {
    if (text[index] === '\\') index += 1;
    value += text[index] ?? '';
    index += 1;
  }
  return [value, index + 1];
}

function readAtom(text: string, start: number): [string, number] {
  let index = start;
  let depth = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '[') depth += 1;
    if (char === ']') depth -= 1;
    if (depth === 0 && (char === ' ' || char === '(' || char === ')')) break;
    index += 1;
  }
  return [text.slice(start, index), index];
}

/** `1:*`, `3,5,7:9`: which of `values` (ascending UIDs or sequence numbers) a set selects (RFC 3501 §9). */
export function selectBySet(set: string, values: readonly number[]): number[] {
  const largest = values.at(-1) ?? 0;
  const bound = (part: string): number => (part === '*' ? largest : Number(part));
  const ranges = set.split(',').map((part) => {
    const [from = '', to = from] = part.split(':');
    const [low, high] = [bound(from), bound(to)].sort((a, b) => a - b);
    return { low: low ?? 0, high: high ?? 0 };
  });
  return values.filter((value) => ranges.some((range) => value >= range.low && value <= range.high));
}
