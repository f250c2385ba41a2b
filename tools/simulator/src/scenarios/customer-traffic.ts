import {
  directMessageDelivery,
  facebookCommentDelivery,
  facebookVisitorPostDelivery,
  instagramCommentDelivery,
  whatsappTextDelivery,
} from '../traffic/meta-deliveries.ts';
import { xDirectMessageDelivery, xTweetDelivery } from '../traffic/x-deliveries.ts';
import type { Language } from './phrases.ts';
import type { ScenarioContext, ScenarioStep } from './scenario.ts';

export const trafficChannels = [
  'x-mention',
  'x-dm',
  'facebook-comment',
  'facebook-post',
  'messenger',
  'instagram-comment',
  'instagram-dm',
  'whatsapp',
] as const;
export type TrafficChannel = (typeof trafficChannels)[number];

/** One simulated customer, with an id on every network derived from their number. */
export interface Person {
  number: number;
  name: string;
  handle: string;
  language: Language;
  followers: number;
  verified: boolean;
}

const firstNames = [
  'Giulia',
  'Marco',
  'Sofia',
  'Luca',
  'Chiara',
  'Matteo',
  'Emma',
  'James',
  'Olivia',
  'Noah',
  'Aisha',
  'Paolo',
];
const lastNames = ['Rossi', 'Bianchi', 'Esposito', 'Ricci', 'Smith', 'Brown', 'Conti', 'Greco', 'Taylor', 'Gallo'];

export const personFor = (context: ScenarioContext, number: number, overrides: Partial<Person> = {}): Person => {
  const first = firstNames[number % firstNames.length]!;
  const last = lastNames[Math.floor(number / firstNames.length) % lastNames.length]!;
  return {
    number,
    name: `${first} ${last}`,
    handle: `${first}${last}${number}`.toLowerCase(),
    language: context.random.chance(0.6) ? 'it' : 'en',
    followers: context.random.int(5, 2500),
    verified: false,
    ...overrides,
  };
};

const ids = (person: Person) => ({
  x: String(2_000_000_000_000_000_000n + BigInt(person.number)),
  psid: String(7_000_000_000_000_000 + person.number),
  igsid: String(7_100_000_000_000_000 + person.number),
  phone: `3933${String(10_000_000 + person.number)}`,
});

/** The step a customer's message becomes on one network, in that network's real webhook shape. */
export const stepOn = (
  channel: TrafficChannel,
  person: Person,
  text: string,
  sequence: number,
  at: Date,
  context: ScenarioContext,
): ScenarioStep => {
  const { accounts } = context;
  const id = ids(person);
  const unique = String(context.random.int(100_000, 999_999) * 1000 + (sequence % 1000));
  const brand = {
    id: accounts.xAccountId,
    screenName: accounts.xHandle,
    name: 'Ascolta Demo',
    followers: 12000,
    verified: true,
  };
  const author = {
    id: id.x,
    screenName: person.handle,
    name: person.name,
    followers: person.followers,
    verified: person.verified,
  };
  switch (channel) {
    case 'x-mention':
      return {
        platform: 'x',
        body: xTweetDelivery({
          forUserId: accounts.xAccountId,
          forUserHandle: accounts.xHandle,
          tweetId: `19${unique}${String(sequence).padStart(8, '0')}`,
          author,
          text: `@${accounts.xHandle} ${text}`,
          at,
          lang: person.language,
          mentionsAccount: true,
        }),
      };
    case 'x-dm':
      return {
        platform: 'x',
        body: xDirectMessageDelivery({
          forUserId: accounts.xAccountId,
          eventId: `18${unique}${String(sequence).padStart(8, '0')}`,
          sender: author,
          recipient: brand,
          text,
          at,
        }),
      };
    case 'facebook-comment':
      return {
        platform: 'meta',
        body: facebookCommentDelivery({
          pageId: accounts.pageId,
          postId: `${accounts.pageId}_4000001`,
          commentId: `4000001_${unique}${sequence}`,
          from: { id: id.psid, name: person.name },
          message: text,
          at,
        }),
      };
    case 'facebook-post':
      return {
        platform: 'meta',
        body: facebookVisitorPostDelivery({
          pageId: accounts.pageId,
          postId: `${accounts.pageId}_${unique}${sequence}`,
          from: { id: id.psid, name: person.name },
          message: text,
          at,
        }),
      };
    case 'messenger':
      return {
        platform: 'meta',
        body: directMessageDelivery({
          object: 'page',
          accountId: accounts.pageId,
          customerId: id.psid,
          mid: `m_${unique}${sequence}`,
          text,
          at,
        }),
      };
    case 'instagram-comment':
      return {
        platform: 'meta',
        body: instagramCommentDelivery({
          accountId: accounts.instagramId,
          commentId: `1791${unique}${sequence}`,
          mediaId: '17900000000000042',
          from: { id: id.igsid, username: person.handle },
          text,
          at,
        }),
      };
    case 'instagram-dm':
      return {
        platform: 'meta',
        body: directMessageDelivery({
          object: 'instagram',
          accountId: accounts.instagramId,
          customerId: id.igsid,
          mid: `ig_${unique}${sequence}`,
          text,
          at,
        }),
      };
    case 'whatsapp':
      return {
        platform: 'meta',
        body: whatsappTextDelivery({
          businessAccountId: '200000000000001',
          phoneNumberId: accounts.whatsappPhoneId,
          displayPhoneNumber: '390200000000',
          from: id.phone,
          name: person.name,
          wamid: `wamid.SIMIN${unique}${sequence}`,
          text,
          at,
        }),
      };
  }
};

/** Sorted random offsets within a span: when each of `count` customers writes. */
export const offsetsWithin = (count: number, spanSeconds: number, context: ScenarioContext): number[] =>
  Array.from({ length: count }, () => context.random.int(0, spanSeconds)).sort((a, b) => a - b);

export const atOffset = (context: ScenarioContext, offsetSeconds: number): Date =>
  new Date(context.start.getTime() + offsetSeconds * 1000);
