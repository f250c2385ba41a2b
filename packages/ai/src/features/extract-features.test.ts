import { describe, expect, it } from 'vitest';
import { extractFeatures, type FeatureSpec, wordBucket } from './extract-features.ts';

const plain: FeatureSpec = { dimsLog2: 18, charMin: 3, charMax: 5, lexicon: true };
const withCues: FeatureSpec = { ...plain, sentimentCues: true };

const buckets = (text: string, spec: FeatureSpec) => new Set(extractFeatures(text, spec).indices);
const added = (text: string) => [...buckets(text, withCues)].filter((bucket) => !buckets(text, plain).has(bucket));

describe('sentiment cues (opt-in)', () => {
  it('leave a spec that does not ask for them as it was', () => {
    expect(extractFeatures('non funziona :( ', plain)).toEqual(extractFeatures('non funziona :( ', { ...plain }));
    expect(added('the app works fine')).toEqual([]);
  });

  it('mark the words after a negation, in Italian and English, until the scope or a "!" ends', () => {
    expect(added('non funziona').length).toBe(1);
    expect(added("it doesn't work").length).toBe(1);
    expect(added('not great, not working at all').length).toBeGreaterThanOrEqual(4);
    expect(added('no! thanks a lot')).toEqual([]);
  });

  it('read a negated polarity word as its own feature, not as the plain polarity', () => {
    const good = buckets('ottimo servizio', withCues);
    const notGood = buckets('non ottimo servizio', withCues);
    expect(good.has(wordBucket('zzpositive', withCues))).toBe(true);
    expect(notGood.has(wordBucket('zzpositive', withCues))).toBe(false);
    expect(notGood.has(wordBucket('zzpositive_not', withCues))).toBe(true);
  });

  it('turn emoticons, which the tokens drop, into polarity features', () => {
    expect(buckets('arrived today :)', withCues).has(wordBucket('zzemopositive', withCues))).toBe(true);
    expect(buckets("still waiting :'(", withCues).has(wordBucket('zzemonegative', withCues))).toBe(true);
    expect(buckets('ratio 3:1 today', withCues).has(wordBucket('zzemopositive', withCues))).toBe(false);
  });
});
