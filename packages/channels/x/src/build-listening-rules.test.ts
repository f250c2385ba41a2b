import { describe, expect, it } from 'vitest';
import { buildListeningRules } from './build-listening-rules.ts';

const terms = { names: ['Ascolta', 'Ascolta Fibra'], hashtags: ['AscoltaDown'], misspellings: ['Asclota'] };

describe('buildListeningRules', () => {
  it('listens to hashtags alone and to names only with a service trigger, never to our own tweets', () => {
    const rules = buildListeningRules(terms, {
      ownHandle: '@ascolta_demo',
      triggers: ['aiuto', 'non funziona', 'help'],
    });
    expect(rules).toEqual([
      { tag: 'brand-hashtag', value: '#AscoltaDown -is:retweet -from:ascolta_demo' },
      {
        tag: 'brand-service-1',
        value:
          '(Ascolta OR "Ascolta Fibra" OR Asclota) (aiuto OR "non funziona" OR help) -is:retweet -from:ascolta_demo',
      },
    ]);
  });

  it('splits long trigger lists so that every query fits the limit', () => {
    const rules = buildListeningRules(terms, { ownHandle: 'ascolta_demo', maxQueryLength: 120 });
    expect(rules.length).toBeGreaterThan(2);
    for (const rule of rules) expect(rule.value.length).toBeLessThanOrEqual(120);
    const triggers = rules
      .slice(1)
      .map((rule) => rule.value)
      .join(' ');
    expect(triggers).toContain('"still waiting"');
    expect(triggers).toContain('aiuto');
  });
});
