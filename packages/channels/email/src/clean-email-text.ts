/**
 * Keeps what the customer wrote in this e-mail: drops the quoted history (Gmail, Apple Mail, Outlook,
 * Italian clients) and the trailing signature. Line-based, because clients differ in everything but lines.
 */

/** "On … wrote:", "Il giorno … ha scritto:", "In data … ha scritto:"; may be wrapped over two lines. */
const attributionLine = /^\s*>?\s*\S.{0,250}\b(wrote|ha scritto|schrieb|a écrit|escribió)\s*:\s*$/i;
const quoteLine = /^\s*>/;
const separatorLine =
  /^\s*-{2,}\s*(original message|messaggio originale|forwarded message|messaggio inoltrato)\s*-{2,}\s*$/i;
/** A long rule of hyphens or underscores: clients put the history below it. */
const ruleLine = /^\s*(-{20,}|_{20,})\s*$/;
const headerFromLine = /^\s*\*?(from|da|de|von)\s*:\*?\s*\S/i;
const headerOtherLine = /^\s*\*?(sent|date|to|cc|subject|inviato|data|a|oggetto|enviado|para|asunto)\s*:\*?/i;
const mailOnlyHeaderLine = /^\s*\*?(sent|subject|inviato|oggetto|enviado|asunto)\s*:/i;

const signatureDelimiter = /^--\s*$/;
const deviceSignature =
  /^\s*(sent from (my )?\S.*|inviato da(l mio)? \S.*|get outlook for \S.*|scarica outlook per \S.*|sent with \S.*)$/i;
/** "Sent from my iPhone" is only a signature near the end; "Sent from Milan…" early on is the message. */
const maxLinesAfterDeviceSignature = 3;
const maxDeviceSignatureLength = 80;
const signOff =
  /(^|\/\s*)(kind regards|best regards|warm regards|regards|best wishes|all the best|best|cheers|many thanks|thanks|thank you|sincerely|cordiali saluti|distinti saluti|saluti|un saluto|cordialmente|grazie mille|grazie|a presto|buona giornata|buona serata|ciao)\s*[,.!]?\s*$/i;
/** A sign-off is only cut when what follows it looks like a name block, not more message. */
const maxLinesAfterSignOff = 6;
const maxNameBlockLineLength = 60;

export function cleanEmailText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const withoutHistory = lines.slice(0, findHistoryStart(lines));
  const withoutSignature = withoutHistory.slice(0, findSignatureStart(withoutHistory));
  const cleaned = joinTrimmed(withoutSignature);
  // Never lose the message: a reply that was only a sign-off ("Grazie!") keeps its words.
  if (cleaned !== '') return cleaned;
  const historyOnly = joinTrimmed(withoutHistory);
  return historyOnly !== '' ? historyOnly : joinTrimmed(lines);
}

function findHistoryStart(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index += 1) {
    if (startsHistory(lines, index)) return index;
  }
  return lines.length;
}

function startsHistory(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? '';
  if (quoteLine.test(line) || separatorLine.test(line) || ruleLine.test(line)) return true;
  if (attributionLine.test(line)) return true;
  const next = lines[index + 1];
  if (next !== undefined && /^\s*(on|il giorno|in data|il)\b/i.test(line) && attributionLine.test(`${line} ${next}`)) {
    return true;
  }
  return headerFromLine.test(line) && isHeaderBlock(line, lines.slice(index + 1, index + 6));
}

/**
 * Outlook puts From: then Sent:/To:/Cc:/Subject: (Da:/Inviato:/A:/Oggetto:) on the following lines. An address
 * or a Sent/Subject line is required so "Da: Milano / A: Roma / Data: 12/11" in a customer's text survives.
 */
function isHeaderBlock(fromLine: string, following: readonly string[]): boolean {
  const headers = following.filter((line) => headerOtherLine.test(line));
  return headers.length >= 2 && (fromLine.includes('@') || headers.some((line) => mailOnlyHeaderLine.test(line)));
}

/** Cuts in turn the `-- ` block, a device line, then a sign-off: "Grazie\nMario\n\nInviato da iPhone". */
function findSignatureStart(lines: readonly string[]): number {
  const delimiter = lines.findIndex((line, index) => index > 0 && signatureDelimiter.test(line));
  const beforeDelimiter = delimiter > 0 ? lines.slice(0, delimiter) : lines;
  const device = findTrailing(beforeDelimiter, maxLinesAfterDeviceSignature, (line) => deviceSignature.test(line));
  return findTrailingSignOff(beforeDelimiter.slice(0, device));
}

function findTrailingSignOff(lines: readonly string[]): number {
  const lastContent = lastNonBlankIndex(lines);
  for (let index = Math.max(1, lastContent - maxLinesAfterSignOff); index <= lastContent; index += 1) {
    const line = lines[index] ?? '';
    if (!signOff.test(line.trim())) continue;
    const after = lines.slice(index + 1, lastContent + 1);
    if (after.every((rest) => rest.trim().length <= maxNameBlockLineLength && !/[.?!]\s*$/.test(rest.trim()))) {
      return index;
    }
  }
  return lines.length;
}

function findTrailing(lines: readonly string[], maxLinesAfter: number, matches: (line: string) => boolean): number {
  const lastContent = lastNonBlankIndex(lines);
  for (let index = Math.max(1, lastContent - maxLinesAfter); index <= lastContent; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim().length <= maxDeviceSignatureLength && matches(line)) return index;
  }
  return lines.length;
}

function lastNonBlankIndex(lines: readonly string[]): number {
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    if ((lines[index] ?? '').trim() !== '') return index;
  }
  return -1;
}

function joinTrimmed(lines: readonly string[]): string {
  return lines
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}
