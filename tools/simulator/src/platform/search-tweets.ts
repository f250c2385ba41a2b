import type { SimulatedTweet } from './platform-state.ts';

/**
 * A small evaluator for the recent-search queries the connector builds: space-separated clauses are
 * ANDed, `(a OR "b c")` groups are ORed, `-is:retweet` is accepted, `-from:handle` excludes an author.
 * Matching is case-insensitive on words and phrases; `#tag` matches the hashtag.
 */
export const searchTweets = (tweets: readonly SimulatedTweet[], query: string): SimulatedTweet[] => {
  const clauses = splitClauses(query);
  return tweets.filter((tweet) => clauses.every((clause) => matches(tweet, clause)));
};

const splitClauses = (query: string): string[] => {
  const clauses: string[] = [];
  let depth = 0;
  let inQuote = false;
  let current = '';
  for (const char of query) {
    if (char === '"') inQuote = !inQuote;
    if (!inQuote && char === '(') depth += 1;
    if (!inQuote && char === ')') depth -= 1;
    if (char === ' ' && depth === 0 && !inQuote) {
      if (current !== '') clauses.push(current);
      current = '';
    } else current += char;
  }
  if (current !== '') clauses.push(current);
  return clauses;
};

const matches = (tweet: SimulatedTweet, clause: string): boolean => {
  if (clause === '-is:retweet') return !tweet.text.startsWith('RT @');
  if (clause.startsWith('-from:')) return tweet.author.username.toLowerCase() !== clause.slice(6).toLowerCase();
  const alternatives = clause.replace(/^\(|\)$/g, '').split(' OR ');
  const text = ` ${tweet.text.toLowerCase().replace(/[^\p{L}\p{N}#@' ]+/gu, ' ')} `;
  return alternatives.some((term) => text.includes(` ${term.replaceAll('"', '').toLowerCase()} `));
};
