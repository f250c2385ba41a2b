import { createHmac } from 'node:crypto';

/** One webhook delivery the traffic generator sends, before signing. */
export type Delivery =
  | { platform: 'meta'; body: unknown }
  | { platform: 'x'; body: unknown }
  | { platform: 'custom'; channelId: string; body: unknown };

export interface DeliverySecrets {
  metaAppSecret: string;
  xConsumerSecret: string;
  /** Per custom channel id. */
  customSecrets: Readonly<Record<string, string>>;
}

export const demoSecrets: DeliverySecrets = {
  metaAppSecret: 'demo-meta-app-secret',
  xConsumerSecret: 'demo-x-consumer-secret',
  customSecrets: { 'shop-reviews': 'demo-custom-secret' },
};

export interface SignedDelivery {
  path: string;
  headers: Record<string, string>;
  rawBody: Buffer;
}

/** Serialises and signs a delivery exactly as the platform would (each signs the raw bytes it sends). */
export const signDelivery = (delivery: Delivery, secrets: DeliverySecrets, now: Date): SignedDelivery => {
  const rawBody = Buffer.from(JSON.stringify(delivery.body));
  const hmac = (secret: string) => createHmac('sha256', secret);
  const json = { 'content-type': 'application/json' };
  switch (delivery.platform) {
    case 'meta':
      return {
        path: '/webhooks/meta',
        headers: {
          ...json,
          'x-hub-signature-256': `sha256=${hmac(secrets.metaAppSecret).update(rawBody).digest('hex')}`,
        },
        rawBody,
      };
    case 'x':
      return {
        path: '/webhooks/x',
        headers: {
          ...json,
          'x-twitter-webhooks-signature': `sha256=${hmac(secrets.xConsumerSecret).update(rawBody).digest('base64')}`,
        },
        rawBody,
      };
    case 'custom': {
      const secret = secrets.customSecrets[delivery.channelId];
      if (secret === undefined) throw new Error(`no secret for custom channel ${delivery.channelId}`);
      const timestamp = Math.floor(now.getTime() / 1000);
      const signature = hmac(secret).update(`${timestamp}.`).update(rawBody).digest('hex');
      return {
        path: `/webhooks/custom/${encodeURIComponent(delivery.channelId)}`,
        headers: { ...json, 'x-ascolta-signature': `t=${timestamp},v1=${signature}` },
        rawBody,
      };
    }
  }
};
