import { DomainError, type WebhookRequest, type WebhookResult } from '@ascolta/core';
import { customMessageBody } from './custom-message-body.ts';
import { checkCustomSignature, customSignatureHeader } from './custom-signature.ts';

/** Verifies and normalises one delivery to `POST /webhooks/custom/:channelId`. */
export const parseCustomWebhook = (
  request: WebhookRequest,
  channel: { channelId: string; secret: string },
  now: Date,
): WebhookResult => {
  const check = checkCustomSignature(channel.secret, request.rawBody, request.headers[customSignatureHeader], now);
  if (check !== 'valid') throw new DomainError('bad-signature', `${customSignatureHeader} is ${check}`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(request.rawBody).toString('utf8'));
  } catch (error) {
    throw new DomainError('invalid-input', `body is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = customMessageBody.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('invalid-input', `invalid message: ${issue?.path.join('.') || 'body'}: ${issue?.message}`);
  }
  const body = parsed.data;
  if (body.isEcho) {
    const reason = 'echo: a reply we posted through this source';
    return {
      kind: 'events',
      events: [{ kind: 'ignored', accountExternalId: channel.channelId, externalId: body.id, reason }],
    };
  }
  return {
    kind: 'events',
    events: [
      {
        kind: 'message',
        accountExternalId: channel.channelId,
        message: {
          channelKind: 'custom',
          type: body.type,
          visibility: body.visibility,
          externalId: body.id,
          threadExternalId: body.threadId ?? body.author.id,
          inReplyToExternalId: body.inReplyToId ?? null,
          authorExternalId: body.author.id,
          authorHandle: body.author.handle ?? body.author.email ?? body.author.id,
          authorName: body.author.name ?? null,
          authorFollowers: body.author.followers ?? null,
          authorIsVerified: false,
          text: body.text,
          language: body.language ?? null,
          receivedAt: body.createdAt === undefined ? now : new Date(body.createdAt),
          attachments: body.attachments.map((item) => ({
            kind: item.kind,
            url: item.url,
            mimeType: item.mimeType ?? null,
            name: item.name ?? null,
          })),
          subject: body.subject ?? null,
          metadata: {
            ...body.metadata,
            source: body.source ?? null,
            url: body.url ?? null,
            authorEmail: body.author.email ?? null,
          },
        },
      },
    ],
  };
};
