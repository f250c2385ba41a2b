/** Words too common to say anything about a topic, Italian and English (the first languages served). */
const stopwords = new Set(
  (
    'the and for with that this have has had are was were not but you your our from they them what when where ' +
    'which will would could should there their been about into just still does did can cant dont need help ' +
    'please thanks thank hello anyone today since order after before again very more some than then also ' +
    'della delle dello degli nella nelle sono come questo questa quello quella anche ancora perché perche ' +
    'però pero dopo prima oggi ieri grazie ciao buongiorno salve aiuto vostro vostra nostro nostra tutto ' +
    'tutti molto sempre niente nessuno quando dove cosa fatto fare essere avere stato stata ordine'
  ).split(' '),
);

const maxKeywords = 5;

/**
 * A message's few content words, for "rising keywords": lower-cased letters-only words of four or more
 * letters that are not stop words, mentions, hashtags' `#` dropped, first occurrence order, at most five.
 */
export const extractKeywords = (text: string): string[] => {
  const words = text
    .toLowerCase()
    .replace(/https?:\/\/\S+|[@][\p{L}\p{N}_]+/gu, ' ')
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 4 && !stopwords.has(word));
  return [...new Set(words)].slice(0, maxKeywords);
};
