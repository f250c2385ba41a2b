/** One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A CSV document: a header row and one row per record, CRLF line ends (RFC 4180). */
export const toCsv = <K extends string>(columns: readonly K[], rows: ReadonlyArray<Readonly<Record<K, unknown>>>) =>
  [columns.join(','), ...rows.map((row) => columns.map((column) => csvField(row[column])).join(','))]
    .map((line) => `${line}\r\n`)
    .join('');

/** A nested report flattened to `metric,value` rows: `sla.badges.xWithinTwoHours.share,0.5`. */
export const flattenReport = (value: unknown, path = ''): Array<{ metric: string; value: unknown }> => {
  if (value === null || typeof value !== 'object') return [{ metric: path, value }];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  if (entries.length === 0) return [];
  return entries.flatMap(([key, item]) => flattenReport(item, path === '' ? key : `${path}.${key}`));
};
