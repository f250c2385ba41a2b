import { describe, expect, it } from 'vitest';
import { loadBuiltinTriage } from './load-builtin-triage.ts';

const engine = loadBuiltinTriage();

describe('built-in triage (committed models)', () => {
  it('triages an Italian complaint: language, kind, category, sentiment, urgency, entities, pii, scores, explanation', async () => {
    const triage = await engine.classify({
      text: 'Da tre giorni internet non funziona e mi avete pure addebitato 29,99 €. Passo a un altro operatore! Scrivetemi a anna.verdi@gmail.com',
      visibility: 'public',
    });
    expect(triage).toMatchObject({ language: 'it', actionable: true, kind: 'complaint', sentimentLabel: 'negative' });
    expect(['technical', 'billing']).toContain(triage.category);
    expect(triage.sentiment).toBeLessThan(-0.2);
    expect(triage.urgency).toEqual(expect.arrayContaining(['outage', 'churn-threat']));
    expect(triage.entities.map((entity) => entity.kind)).toEqual(['amount', 'email']);
    expect(triage.pii).toEqual([{ kind: 'email', start: expect.any(Number), end: expect.any(Number) }]);
    expect(triage.scores.complaint).toBeGreaterThan(0.5);
    expect(triage.explanation[0]).toMatch(/^complaint/);
    expect(triage.model).toMatch(/^builtin@/);
  });

  it('triages an English question about a delivery as actionable and not a complaint', () => {
    const triage = engine.triage({ text: 'Hi, how long does shipping to Ireland usually take?', visibility: 'public' });
    expect(triage).toMatchObject({ language: 'en', actionable: true, kind: 'question', category: 'delivery' });
    expect(triage.scores.complaint).toBeLessThan(0.5);
  });

  it('lets praise and chatter go without a ticket', () => {
    const praise = engine.triage({ text: 'Grazie mille, servizio clienti gentilissimo e velocissimo! Bravi 👏' });
    expect(praise).toMatchObject({ language: 'it', actionable: false, kind: 'praise', sentimentLabel: 'positive' });
    const chatter = engine.triage({ text: 'What a beautiful day at the beach with friends!' });
    expect(chatter.actionable).toBe(false);
    expect(chatter.sentiment).toBeGreaterThan(0);
  });

  it('reads a customer leaving an address or a number to be contacted as a request, in both languages', () => {
    for (const text of ['Scrivetemi a anna.verdi@gmail.com', 'please email me at john.smith@gmail.com']) {
      expect(engine.triage({ text })).toMatchObject({ kind: 'request', actionable: true });
    }
  });

  it('flags no PII in a private message and keeps the workspace taxonomy', () => {
    const text = 'Please refund order ORD-558812 to IBAN GB82 WEST 1234 5698 7654 32';
    expect(engine.triage({ text, visibility: 'private' }).pii).toEqual([]);
    expect(engine.triage({ text, visibility: 'public' }).pii.map((flag) => flag.kind)).toEqual(['iban']);
    expect(['returns', 'other']).toContain(engine.triage({ text, categories: ['returns', 'other'] }).category);
  });

  it('scores are probabilities that include complaint and actionable', () => {
    const { scores } = engine.triage({ text: 'anything at all' });
    for (const value of Object.values(scores)) expect(value).toBeGreaterThanOrEqual(0);
    expect(Object.keys(scores)).toEqual(
      expect.arrayContaining(['complaint', 'actionable', 'kind.question', 'sentiment.negative']),
    );
  });
});

describe('replies to the brand', () => {
  it('makes a negative reply to one of the brand’s posts actionable, and says so', () => {
    const text = 'this is awful';
    const reply = engine.triage({ text, isReplyToBrand: true });
    expect(reply).toMatchObject({ sentimentLabel: 'negative', actionable: true });
    expect(reply.scores.actionable).toBeGreaterThanOrEqual(0.5);
    expect(reply.explanation).toContain('reply to the brand');
    expect(engine.triage({ text }).explanation).not.toContain('reply to the brand');
  });
});

describe('English complaint with every field', () => {
  it('reads an English complaint: urgency, entities, pii, explanation', () => {
    const triage = engine.triage({
      text: 'You charged me £120 twice on my bill for order ORD-558812. I will speak to my lawyer. Call me on +44 7700 900123',
      visibility: 'public',
      channel: 'x',
    });
    expect(triage).toMatchObject({ language: 'en', actionable: true, kind: 'complaint', category: 'billing' });
    expect(triage.sentiment).toBeLessThan(0);
    expect(triage.urgency).toContain('legal-threat');
    expect(triage.entities.map((entity) => [entity.kind, entity.value])).toEqual([
      ['amount', '12000 GBP'],
      ['order-number', 'ORD-558812'],
      ['phone', '+447700900123'],
    ]);
    expect(triage.pii.map((flag) => flag.kind)).toEqual(['phone']);
    expect(triage.explanation).toContain('urgency: legal-threat');
    expect(triage.languageConfidence).toBeGreaterThan(0.5);
    expect(triage.categoryConfidence).toBeGreaterThan(0.3);
  });
});
