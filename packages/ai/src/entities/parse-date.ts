// Month names and unambiguous abbreviations in it, en, es, fr, de, pt ("mar", "set" are left out: they are words).
const monthNames: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['gennaio january jan enero janvier janv januar janeiro gen ene', 1],
    ['febbraio february feb febrero fevrier fevr februar fevereiro fev', 2],
    ['marzo march mars marz marco', 3],
    ['aprile april apr abril avril', 4],
    ['maggio may mayo mai maio mag', 5],
    ['giugno june jun junio juin juni junho giu', 6],
    ['luglio july jul julio juillet juli julho lug', 7],
    ['agosto august aug aout ago', 8],
    ['settembre september sep sept septiembre septembre setembro', 9],
    ['ottobre october oct octubre octobre oktober outubro ott okt', 10],
    ['novembre november nov noviembre novembro', 11],
    ['dicembre december dec diciembre decembre dezember dezembro dic dez', 12],
  ].flatMap(([names, month]) =>
    String(names)
      .split(' ')
      .map((name) => [name, Number(month)]),
  ),
);

/**
 * True when some word of the text starts like a month name, accents ignored: the written-month date
 * patterns cannot match without one, and most posts have none, so they are skipped (they are the
 * slowest patterns, trying a letter run at every word).
 */
export const mayHaveMonthName = (text: string): boolean => monthStart.test(text);

const monthOf = (word: string): number | undefined =>
  monthNames[
    word
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/\.$/, '')
  ];

// Every month name of the table, each letter also in its accented forms (février, août, März, março), after
// what `\b` counts as a word start (anything but [A-Za-z0-9_]), as the date patterns do.
const accented: Readonly<Record<string, string>> = {
  a: '[aàáâäã]',
  c: '[cç]',
  e: '[eéèêë]',
  i: '[iìíîï]',
  n: '[nñ]',
  o: '[oòóôöõ]',
  u: '[uùúûü]',
};
const monthStart = new RegExp(
  `(?:^|[^A-Za-z0-9_])(?:${Object.keys(monthNames)
    .map((name) => [...name].map((letter) => accented[letter] ?? letter).join(''))
    .join('|')})`,
  'iu',
);

const pad = (value: number): string => String(value).padStart(2, '0');

const iso = (year: number | null, month: number, day: number): string | null => {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return year === null ? `--${pad(month)}-${pad(day)}` : `${year}-${pad(month)}-${pad(day)}`;
};

const fullYear = (year: string): number => (year.length === 2 ? 2000 + Number(year) : Number(year));

const parseNumeric = (text: string): string | null => {
  const parts = text.split(/[/.-]/).map(String);
  const [first = '', second = '', third = ''] = parts;
  if (first.length === 4) return iso(Number(first), Number(second), Number(third));
  if (third.length !== 2 && third.length !== 4) return null;
  // Day first, as in Europe; month first only when the other reading is impossible.
  const [day, month] = Number(second) > 12 ? [Number(second), Number(first)] : [Number(first), Number(second)];
  return iso(fullYear(third), month, day);
};

/** A date as written in a post → ISO `YYYY-MM-DD`, or `--MM-DD` when the year is not given. */
export const parseDate = (text: string): string | null => {
  if (/^\d[\d/.-]+$/.test(text)) return parseNumeric(text);
  const words = text
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== 'of');
  const year = words.find((word) => /^\d{4}$/.test(word));
  const day = words.find((word) => /^\d{1,2}(st|nd|rd|th)?$/.test(word));
  const month = words.map(monthOf).find((value) => value !== undefined);
  if (day === undefined || month === undefined) return null;
  return iso(year === undefined ? null : Number(year), month, Number.parseInt(day, 10));
};
