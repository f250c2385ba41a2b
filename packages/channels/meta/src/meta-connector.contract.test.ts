import { type ContractContext, describeConnectorContract } from '@ascolta/channel-contract';
import type { Visibility, WebhookRequest } from '@ascolta/core';
import {
  type Delivery,
  demoAccounts,
  directMessageDelivery,
  facebookCommentDelivery,
  instagramCommentDelivery,
  type PlatformSimulator,
  signDelivery,
  startPlatformSimulator,
  whatsappStatusDelivery,
  whatsappTextDelivery,
} from '@ascolta/simulator';
import { createMetaConnector } from './create-meta-connector.ts';
import type { MetaChannelKind } from './send-meta-message.ts';

const appSecret = 'contract-app-secret';
const at = new Date('2026-11-22T09:00:00Z');
const clock = { now: () => new Date('2026-11-22T10:00:00Z') };
const { pageId, instagramId, whatsappPhoneId } = demoAccounts;
const customer = { id: '7000000000000001', name: 'Giulia Rossi' };
const postId = `${pageId}_5550001`;

const request = (body: unknown, secret = appSecret): WebhookRequest => {
  const delivery: Delivery = { platform: 'meta', body };
  const signed = signDelivery(delivery, { metaAppSecret: secret, xConsumerSecret: '', customSecrets: {} }, at);
  return { method: 'POST', headers: signed.headers, query: {}, rawBody: signed.rawBody };
};

type Deliveries = (id: string, visibility: Visibility, simulator: PlatformSimulator) => unknown | null;

const whatsappText = (id: string) =>
  whatsappTextDelivery({
    businessAccountId: '200000000000001',
    phoneNumberId: whatsappPhoneId,
    displayPhoneNumber: '390200000000',
    from: '393331234567',
    name: customer.name,
    wamid: `wamid.${id}`,
    text: 'Il mio ordine non è arrivato',
    at,
  });

const customerBodies: Record<MetaChannelKind, Deliveries> = {
  facebook: (id, _visibility, simulator) => {
    const commentId = `5550001_${id}`;
    // The platform knows which post a comment belongs to; replies to it land in that post's thread.
    simulator.state.threads.set(commentId, postId);
    return facebookCommentDelivery({ pageId, postId, commentId, from: customer, message: 'Non funziona il login', at });
  },
  messenger: (id, visibility) =>
    visibility === 'public'
      ? null
      : directMessageDelivery({
          object: 'page',
          accountId: pageId,
          customerId: customer.id,
          mid: `m_${id}`,
          text: 'Aiuto!',
          at,
        }),
  instagram: (id, visibility, simulator) => {
    if (visibility === 'private') {
      return directMessageDelivery({
        object: 'instagram',
        accountId: instagramId,
        customerId: customer.id,
        mid: `ig_${id}`,
        text: 'Help',
        at,
      });
    }
    simulator.state.threads.set(`1790${id}`, '17900000000000001');
    return instagramCommentDelivery({
      accountId: instagramId,
      commentId: `1790${id}`,
      mediaId: '17900000000000001',
      from: { id: customer.id, username: 'giulia.r' },
      text: 'Still waiting',
      at,
    });
  },
  whatsapp: (id, visibility) => (visibility === 'public' ? null : whatsappText(id)),
};

const echoBodies: Record<MetaChannelKind, () => unknown> = {
  facebook: () =>
    facebookCommentDelivery({
      pageId,
      postId,
      commentId: '5550001_9',
      from: { id: pageId, name: 'Ascolta' },
      message: 'Ciao!',
      at,
    }),
  messenger: () =>
    directMessageDelivery({
      object: 'page',
      accountId: pageId,
      customerId: customer.id,
      mid: 'm_echo',
      text: 'Ciao!',
      at,
      isEcho: true,
    }),
  instagram: () =>
    instagramCommentDelivery({
      accountId: instagramId,
      commentId: '17909',
      mediaId: '1790',
      from: { id: instagramId, username: 'ascolta' },
      text: 'Ciao!',
      at,
      isByAccount: true,
    }),
  whatsapp: () =>
    whatsappStatusDelivery({
      businessAccountId: '200000000000001',
      phoneNumberId: whatsappPhoneId,
      displayPhoneNumber: '390200000000',
      wamid: 'wamid.ours',
      recipient: '393331234567',
      status: 'read',
      at,
    }),
};

const accountIds: Record<MetaChannelKind, string> = {
  facebook: pageId,
  messenger: pageId,
  instagram: instagramId,
  whatsapp: whatsappPhoneId,
};

const setupFor = (kind: MetaChannelKind) => async (): Promise<ContractContext> => {
  const simulator = await startPlatformSimulator();
  const connector = createMetaConnector({
    kind,
    accountId: accountIds[kind],
    accessToken: 'contract-token',
    appSecret,
    verifyToken: 'demo-verify-token',
    graphBaseUrl: simulator.graphBaseUrl,
    clock,
  });
  return {
    connector,
    customerDelivery: (id, visibility) => {
      const body = customerBodies[kind](id, visibility, simulator);
      return body === null ? null : request(body);
    },
    echoDelivery: () => request(echoBodies[kind]()),
    forgedDelivery: () =>
      request(customerBodies[kind]('forged', 'private', simulator) ?? whatsappText('forged'), 'wrong-secret'),
    replyMetadata: (visibility) => (kind === 'facebook' ? { isPrivateReplyToComment: visibility === 'private' } : {}),
    injectFailure: (failure) => simulator.failNext('graph', failure),
    sentInThread: (thread) => simulator.sent({ thread }).map((entry) => entry.text),
    close: () => simulator.close(),
  };
};

for (const kind of ['facebook', 'messenger', 'instagram', 'whatsapp'] as const)
  describeConnectorContract(`meta ${kind}`, setupFor(kind));
