/** Words that say nothing about the problem, Italian and English. */
const stopwords = new Set(
  (
    'the and for with not but you your our are was have has had this that from they them what when why how can cant ' +
    'dont still again just any all its too very please help there anyone else going last since hours minutes ' +
    'non per con che del della dei delle una uno gli les sono voi ora nessuna nessun succede zona ' +
    'ancora anche come cosa quando perche mio mia miei vostro vostra siete avete hanno questo questa tutto tutti aiuto'
  ).split(' '),
);

/**
 * Stems of words that name the same symptom in short posts, Italian and English: "down", "not working",
 * "no connection" and "la fibra non funziona" are one outage to a care team.
 */
const concepts: Record<string, string> = {
  down: 'outage',
  outag: 'outage',
  offlin: 'outage',
  guast: 'outage',
  disser: 'outage',
  funzio: 'outage',
  work: 'outage',
  workin: 'outage',
  connes: 'network',
  connec: 'network',
  intern: 'network',
  fibr: 'network',
  rete: 'network',
  wifi: 'network',
  linea: 'network',
};

/** Stemming-lite: drops an English plural and trailing vowels, keeps at most six letters ("minuti" = "minutes"). */
const stem = (word: string): string => {
  const singular = word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word;
  const root = singular.length > 4 ? singular.replace(/[aeiou]+$/, '') : singular;
  const short = root.slice(0, 6);
  return concepts[short] ?? short;
};

/** The set of meaningful stems in a text: lower-cased, accents removed, without links, handles and stopwords. */
export const tokenSet = (text: string): Set<string> =>
  new Set(
    text
      .replace(/https?:\/\/\S+|[@#]\w+/g, ' ')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => token.length >= 3 && !stopwords.has(token))
      .map(stem),
  );

/**
 * Dice similarity of the two texts' stem sets, 0..1; two texts without meaningful words score 0. Dice rather
 * than Jaccard because two tweets about one outage share two words of four, not half of their union.
 */
export const tokenSetSimilarity = (a: string, b: string): number => {
  const left = tokenSet(a);
  const right = tokenSet(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return (2 * shared) / (left.size + right.size);
};
