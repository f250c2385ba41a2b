import type { Store, Survey } from '@ascolta/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../testing/create-test-store.ts';
import { fixedTime, minutesAfter } from '../testing/fixtures.ts';

// Runs on PGlite, or on PostgreSQL when TEST_DATABASE_URL is set.
let store: Store & { close(): Promise<void> };

const aSurvey = (id: string, overrides: Partial<Survey> = {}): Survey => ({
  id,
  workspaceId: 'sv',
  ticketId: `ticket-${id}`,
  customerId: 'customer-1',
  kind: 'csat',
  status: 'sent',
  score: null,
  comment: null,
  sentAt: fixedTime,
  answeredAt: null,
  channelId: 'channel-wa',
  threadExternalId: '393330000001',
  language: 'it',
  questionMessageId: `question-${id}`,
  reaskedAt: null,
  expiresAt: minutesAfter(fixedTime, 72 * 60),
  ...overrides,
});

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

describe('survey repository', () => {
  it('stores a survey as given and allows one per ticket', async () => {
    const survey = aSurvey('s-1');
    await store.surveys.insert(survey);
    expect(await store.surveys.get('sv', 's-1')).toEqual(survey);
    expect(await store.surveys.findByTicket('sv', 'ticket-s-1')).toEqual(survey);
    await expect(store.surveys.insert(aSurvey('s-1b', { ticketId: 'ticket-s-1' }))).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await store.surveys.get('other-workspace', 's-1')).toBeNull();
  });

  it('finds the survey waiting for the customer on the channel, not an answered, expired or other one', async () => {
    await store.surveys.insert(aSurvey('w-old', { customerId: 'c-wait', sentAt: minutesAfter(fixedTime, -60) }));
    await store.surveys.insert(aSurvey('w-new', { customerId: 'c-wait', sentAt: fixedTime }));
    await store.surveys.insert(
      aSurvey('w-done', { customerId: 'c-wait', status: 'answered', sentAt: minutesAfter(fixedTime, 5) }),
    );
    await store.surveys.insert(
      aSurvey('w-email', { customerId: 'c-wait', channelId: 'channel-email', sentAt: minutesAfter(fixedTime, 6) }),
    );
    const at = minutesAfter(fixedTime, 10);
    expect((await store.surveys.findWaiting('sv', 'c-wait', 'channel-wa', at))?.id).toBe('w-new');
    expect((await store.surveys.findWaiting('sv', 'c-wait', 'channel-email', at))?.id).toBe('w-email');
    expect(await store.surveys.findWaiting('sv', 'c-wait', 'channel-wa', minutesAfter(fixedTime, 73 * 60))).toBeNull();
    expect(await store.surveys.findWaiting('sv', 'c-nobody', 'channel-wa', at)).toBeNull();
    expect((await store.surveys.findLatestForCustomer('sv', 'c-wait'))?.id).toBe('w-email');
  });

  it('records an answer under a lock: the second reader sees the first answer', async () => {
    await store.surveys.insert(aSurvey('lock-1', { customerId: 'c-lock' }));
    const answer = (score: number) =>
      store.transaction(async (tx) => {
        const survey = await tx.surveys.lockForAnswer('sv', 'lock-1');
        if (survey === null || survey.status !== 'sent') return false;
        await tx.surveys.update({ ...survey, status: 'answered', score, answeredAt: fixedTime });
        return true;
      });
    const outcomes = await Promise.all([answer(4), answer(1)]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await store.surveys.get('sv', 'lock-1')).toMatchObject({ status: 'answered', score: outcomes[0] ? 4 : 1 });
    await expect(store.surveys.update(aSurvey('missing'))).rejects.toMatchObject({ code: 'not-found' });
  });
});
