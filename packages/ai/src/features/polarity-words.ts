// A small hand-written polarity lexicon (it, en; folded: lower case, no accents). A word the
// training tweets never showed still carries its polarity through the shared `zzpositive` or
// `zznegative` feature, which matters most for Italian, where the sentiment data is small.
const positive =
  'grazie thanks thank bravo bravi brava ottimo ottima ottimi perfetto perfetta fantastico fantastica bellissimo bellissima bello bella adoro amo love loved great awesome amazing excellent best felice felicissimo happy top complimenti consiglio consigliato stupendo stupenda meraviglioso meravigliosa super wow gentilissimo gentilissima gentile velocissimi good nice lovely brilliant perfect beautiful fun grande grandi evviva finalmente splendido favoloso divertente piace buono buona';
const negative =
  'vergogna vergognoso schifo pessimo pessima pessimi ridicolo ridicola odio hate hated peggio peggiore worst terrible awful triste sad disastro scandalo scandaloso incompetenti incompetente rabbia arrabbiato arrabbiata angry basta purtroppo male horrible disgusting pathetic useless inutile delusione deluso delusa disappointed disappointing merda cazzo vaffanculo fail annoying stupid stupido stupida ladri truffa scam schifoso vergognatevi paura sbagliato sbagliata assurdo assurda mai never problema problemi broken rotto bad poor crap';

export const polarityOf: Readonly<Record<string, 'zzpositive' | 'zznegative'>> = Object.fromEntries([
  ...positive.split(' ').map((word) => [word, 'zzpositive'] as const),
  ...negative.split(' ').map((word) => [word, 'zznegative'] as const),
  ...['❤', '😍', '👏', '😊', '🥰', '👍'].map((emoji) => [emoji, 'zzpositive'] as const),
  ...['😡', '😤', '😭', '👎', '🤬', '😠'].map((emoji) => [emoji, 'zznegative'] as const),
]);
