/** Words that say nothing about the problem, Italian and English. */
const stopwords = new Set(
  (
    'the and for with not but you your our are was have has had this that from they them what when why how can cant ' +
    'dont still again just any all its too very please help non per con che del della dei delle una uno gli les sono ' +
    'ancora anche come cosa quando perche mio mia miei vostro vostra siete avete hanno questo questa tutto tutti aiuto'
  ).split(' '),
);

/** The set of meaningful words in a text: lower-cased, accents removed, without links, handles and stopwords. */
export const tokenSet = (text: string): Set<string> =>
  new Set(
    text
      .replace(/https?:\/\/\S+|[@#]\w+/g, ' ')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => token.length >= 3 && !stopwords.has(token)),
  );

/** Jaccard similarity of the two texts' word sets, 0..1; two texts without meaningful words score 0. */
export const tokenSetSimilarity = (a: string, b: string): number => {
  const left = tokenSet(a);
  const right = tokenSet(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return shared / (left.size + right.size - shared);
};
