import type { OutboundMessage } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import { buildReplyHeaders } from './build-reply-headers.ts';

const outbound = (overrides: Partial<OutboundMessage>): OutboundMessage => ({
  channelKind: 'email',
  visibility: 'private',
  inReplyToExternalId: 'b@example.it',
  threadExternalId: '<a@example.it>',
  recipientExternalId: 'giulia@example.it',
  text: 'ok',
  subject: 'Ordine 1',
  metadata: {},
  ...overrides,
});

describe('buildReplyHeaders', () => {
  it('chains the root, the known references and the answered message once each', () => {
    const headers = buildReplyHeaders(outbound({ metadata: { references: ['<a@example.it>', 'x@example.it'] } }));
    expect(headers.references).toEqual(['<a@example.it>', '<x@example.it>', '<b@example.it>']);
    expect(headers.inReplyTo).toBe('<b@example.it>');
  });

  it.each([
    ['Ordine 1', 'Re: Ordine 1'],
    ['Re: Ordine 1', 'Re: Ordine 1'],
    ['RE: R: re:Ordine 1', 'Re: Ordine 1'],
    ['Rif: Ordine 1', 'Re: Ordine 1'],
    [null, 'Re:'],
  ])('subject %j becomes %j', (subject, expected) => {
    expect(buildReplyHeaders(outbound({ subject })).subject).toBe(expected);
  });

  it('ignores metadata of the wrong shape rather than sending a broken header', () => {
    const headers = buildReplyHeaders(outbound({ metadata: { references: 'not-a-list' } }));
    expect(headers.references).toEqual(['<a@example.it>', '<b@example.it>']);
  });
});
