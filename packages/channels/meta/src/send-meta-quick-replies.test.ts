import type { OutboundMessage } from '@ascolta/core';
import { demoAccounts, type PlatformSimulator, startPlatformSimulator } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseWhatsappChange } from './normalise-whatsapp-change.ts';
import { type MetaChannelKind, sendMetaMessage } from './send-meta-message.ts';

// Survey questions: tappable scores in each network's own wire format, accepted and recorded by the simulator.
const now = new Date('2026-11-22T10:00:00Z');
let simulator: PlatformSimulator;

const target = (kind: MetaChannelKind) => ({
  kind,
  accountId:
    kind === 'whatsapp'
      ? demoAccounts.whatsappPhoneId
      : kind === 'instagram'
        ? demoAccounts.instagramId
        : demoAccounts.pageId,
  accessToken: 'token',
  graphBaseUrl: simulator.graphBaseUrl,
  clock: { now: () => now },
});
const scores = (count: number, first = 1) =>
  Array.from({ length: count }, (_, index) => ({
    payload: `survey:s1:${first + index}`,
    title: String(first + index),
  }));
const question = (channelKind: MetaChannelKind, recipient: string, quickReplies: unknown): OutboundMessage => ({
  channelKind,
  visibility: 'private',
  inReplyToExternalId: null,
  threadExternalId: recipient,
  recipientExternalId: recipient,
  text: 'How did we do?',
  subject: null,
  metadata: {
    lastCustomerMessageAt: new Date(now.getTime() - 3_600_000).toISOString(),
    isAutomated: true,
    quickReplies,
    quickRepliesLabel: 'Choose a score',
  },
});

beforeAll(async () => {
  simulator = await startPlatformSimulator();
});
afterAll(() => simulator.close());

describe('survey options on Meta channels', () => {
  it('sends Messenger and Instagram quick replies, all eleven NPS scores included', async () => {
    await sendMetaMessage(target('messenger'), question('messenger', '8101', scores(11, 0)));
    await sendMetaMessage(target('instagram'), question('instagram', '8102', scores(5)));
    const [messenger] = simulator.sent({ recipient: '8101' });
    expect(messenger?.body).toMatchObject({ message: { text: 'How did we do?' } });
    const replies =
      (messenger?.body as { message: { quick_replies: unknown[] } } | undefined)?.message.quick_replies ?? [];
    expect(replies).toHaveLength(11);
    expect(replies[0]).toEqual({ content_type: 'text', title: '0', payload: 'survey:s1:0' });
    expect(simulator.sent({ recipient: '8102' })[0]).toMatchObject({
      platform: 'instagram',
      body: {
        message: {
          quick_replies: expect.arrayContaining([{ content_type: 'text', title: '5', payload: 'survey:s1:5' }]),
        },
      },
    });
  });

  it('sends WhatsApp reply buttons up to three options and a list up to ten, plain text beyond', async () => {
    await sendMetaMessage(target('whatsapp'), question('whatsapp', '393330000001', scores(3)));
    await sendMetaMessage(target('whatsapp'), question('whatsapp', '393330000002', scores(5)));
    await sendMetaMessage(target('whatsapp'), question('whatsapp', '393330000003', []));
    expect(simulator.sent({ recipient: '393330000001' })[0]?.body).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'How did we do?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'survey:s1:1', title: '1' } }, {}, {}] },
      },
    });
    const list = simulator.sent({ recipient: '393330000002' })[0]?.body as {
      interactive: { type: string; action: { button: string; sections: Array<{ rows: unknown[] }> } };
    };
    expect(list.interactive.type).toBe('list');
    expect(list.interactive.action.button).toBe('Choose a score');
    expect(list.interactive.action.sections[0]?.rows).toHaveLength(5);
    expect(simulator.sent({ recipient: '393330000003' })[0]?.body).toMatchObject({ type: 'text' });
  });

  it("is refused by the simulator beyond the platforms' limits", async () => {
    const tooMany = Array.from({ length: 14 }, (_, index) => ({
      content_type: 'text',
      title: String(index),
      payload: `p${index}`,
    }));
    const response = await fetch(`${simulator.graphBaseUrl}/${demoAccounts.pageId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer token' },
      body: JSON.stringify({
        recipient: { id: '8103' },
        messaging_type: 'RESPONSE',
        message: { text: 'x', quick_replies: tooMany },
      }),
    });
    expect(response.status).toBe(400);
    const rows = Array.from({ length: 11 }, (_, index) => ({ id: `r${index}`, title: String(index) }));
    const list = await fetch(`${simulator.graphBaseUrl}/${demoAccounts.whatsappPhoneId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer token' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: '393330000004',
        type: 'interactive',
        interactive: { type: 'list', body: { text: 'x' }, action: { button: 'Go', sections: [{ rows }] } },
      }),
    });
    expect(list.status).toBe(400);
    expect(simulator.sent({ recipient: '8103' })).toHaveLength(0);
  });

  it('keeps the id of a tapped WhatsApp list row as the reply payload', () => {
    const value = {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '390000', phone_number_id: demoAccounts.whatsappPhoneId },
      contacts: [{ profile: { name: 'Anna' }, wa_id: '393330000005' }],
      messages: [
        {
          from: '393330000005',
          id: 'wamid.TAP1',
          timestamp: '1763805600',
          type: 'interactive',
          interactive: { type: 'list_reply', list_reply: { id: 'survey:s1:4', title: '4 - Good' } },
        },
      ],
    };
    const [event] = normaliseWhatsappChange('messages', value, now);
    expect(event).toMatchObject({
      kind: 'message',
      message: { text: '4 - Good', metadata: { quickReplyPayload: 'survey:s1:4' } },
    });
  });
});
