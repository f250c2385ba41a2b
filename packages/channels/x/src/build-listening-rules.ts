/** What a workspace calls itself on X, for listening beyond @-mentions. */
export interface BrandTerms {
  /** Brand and product names, e.g. `Ascolta`, `Ascolta Fibra`. */
  names: readonly string[];
  /** Without or with the `#`, e.g. `AscoltaDown`. */
  hashtags: readonly string[];
  /** Common misspellings of the names, e.g. `Asclota`. */
  misspellings: readonly string[];
}

/** Phrases that turn a brand mention into a request for help, in Italian and English. */
export const defaultServiceTriggers: readonly string[] = [
  'aiuto',
  'non funziona',
  'assistenza',
  'ancora in attesa',
  'rimborso',
  'disservizio',
  'help',
  'not working',
  "doesn't work",
  'still waiting',
  'refund',
  'support',
];

export interface ListeningRule {
  /** A recent-search query, also valid as a filtered-stream rule. */
  value: string;
  tag: string;
}

export interface ListeningOptions {
  /** Our own handle without `@`: our tweets are not customer traffic. */
  ownHandle: string;
  triggers?: readonly string[];
  /** Recent search allows 512 characters per query on the basic tiers. */
  maxQueryLength?: number;
}

const quote = (term: string): string => {
  const clean = term.replaceAll('"', '').trim();
  return /\s/.test(clean) ? `"${clean}"` : clean;
};
const anyOf = (terms: readonly string[]): string => (terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`);

/**
 * Rules for recent search / filtered stream: the brand's hashtags on their own (`#Brand` is addressed to
 * us), and names or misspellings only together with a service trigger, so chatter about the brand is not
 * mistaken for requests. Long trigger lists are split across rules to fit `maxQueryLength`.
 */
export const buildListeningRules = (terms: BrandTerms, options: ListeningOptions): ListeningRule[] => {
  const suffix = ` -is:retweet -from:${options.ownHandle.replace(/^@/, '')}`;
  const maxLength = options.maxQueryLength ?? 512;
  const rules: ListeningRule[] = [];
  const hashtags = terms.hashtags.map((tag) => `#${tag.replace(/^#/, '')}`);
  if (hashtags.length > 0) rules.push({ value: `${anyOf(hashtags)}${suffix}`, tag: 'brand-hashtag' });
  const names = [...terms.names, ...terms.misspellings].map(quote).filter((term) => term !== '');
  if (names.length === 0) return rules;
  const brand = anyOf(names);
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length > 0)
      rules.push({ value: `${brand} ${anyOf(chunk)}${suffix}`, tag: `brand-service-${rules.length}` });
    chunk = [];
  };
  for (const trigger of (options.triggers ?? defaultServiceTriggers).map(quote)) {
    if (`${brand} ${anyOf([...chunk, trigger])}${suffix}`.length > maxLength && chunk.length > 0) flush();
    chunk.push(trigger);
  }
  flush();
  const tooLong = rules.find((rule) => rule.value.length > maxLength);
  if (tooLong !== undefined) throw new Error(`listening rule longer than ${maxLength} characters: ${tooLong.value}`);
  return rules;
};
