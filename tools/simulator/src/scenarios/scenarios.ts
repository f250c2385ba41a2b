import type { SeededRandom } from '../traffic/seeded-random.ts';
import {
  atOffset,
  offsetsWithin,
  type Person,
  personFor,
  stepOn,
  type TrafficChannel,
  trafficChannels,
} from './customer-traffic.ts';
import { chatter, complaints, fill, outage, praise, questions, spam } from './phrases.ts';
import type { Scenario, ScenarioContext, TimedStep } from './scenario.ts';

const day = 24 * 3600;

/** Builds one timed step per (offset, person, channel, text) with increasing sequence numbers. */
const steps = (context: ScenarioContext, rows: Array<[number, Person, TrafficChannel, string]>): TimedStep[] =>
  rows.map(([offset, person, channel, text], index) => ({
    offsetSeconds: offset,
    step: stepOn(channel, person, text, index + 1, atOffset(context, offset), context),
  }));

/** Seed 000's "100 reports a day": mostly complaints and requests, some questions, praise and chatter. */
const normalDayText = (random: SeededRandom, person: Person, index: number): string => {
  const roll = random.next();
  const pool = roll < 0.6 ? complaints : roll < 0.8 ? questions : roll < 0.9 ? praise : chatter;
  return roll > 0.97 ? random.pick(spam) : fill(random.pick(pool[person.language]), index);
};

export const scenarios: Record<string, Scenario> = {
  'normal-day': {
    summary: '100 messages over 24 hours on every network: complaints, questions, praise, chatter, a little spam',
    build: (context) =>
      steps(
        context,
        offsetsWithin(100, day, context).map((offset, index) => {
          const person = personFor(context, index + 1);
          return [offset, person, context.random.pick(trafficChannels), normalDayText(context.random, person, index)];
        }),
      ),
  },
  'outage-storm': {
    summary: '80 customers report the same outage within 30 minutes, mostly on X and Facebook',
    build: (context) =>
      steps(
        context,
        offsetsWithin(80, 1800, context).map((offset, index) => {
          const person = personFor(context, 1000 + index);
          const channel = context.random.pick<TrafficChannel>([
            'x-mention',
            'x-mention',
            'facebook-comment',
            'instagram-comment',
            'whatsapp',
          ]);
          return [offset, person, channel, context.random.pick(outage[person.language])];
        }),
      ),
  },
  'vip-influencer': {
    summary: 'a verified influencer (250k followers) complains publicly, then follows up, among ten ordinary posts',
    build: (context) => {
      const vip = personFor(context, 7, {
        name: 'Chiara Ferri',
        handle: 'chiaraferri',
        followers: 250_000,
        verified: true,
        language: 'it',
      });
      const ordinary = offsetsWithin(10, 3600, context).map(
        (offset, index): [number, Person, TrafficChannel, string] => {
          const person = personFor(context, 2000 + index);
          return [
            offset,
            person,
            context.random.pick(trafficChannels),
            fill(context.random.pick(complaints[person.language]), index),
          ];
        },
      );
      return steps(context, [
        [
          600,
          vip,
          'x-mention',
          'Ho ordinato 10 laptop per il mio team e ne sono arrivati 6. Nessuno risponde. Pessimo.',
        ],
        [2400, vip, 'instagram-comment', 'Ancora nessuna risposta sul mio ordine, sto per dirlo ai miei follower'],
        ...ordinary,
      ]).sort((a, b) => a.offsetSeconds - b.offsetSeconds);
    },
  },
  'repeat-complainer': {
    summary: 'one customer posts the same complaint ten times, ten minutes apart (each post needs an answer)',
    build: (context) => {
      const person = personFor(context, 42, { language: 'it' });
      const text = 'Ordine A104242 mai arrivato. Rispondete!';
      return steps(
        context,
        Array.from({ length: 10 }, (_, index) => [index * 600, person, 'x-mention', text]),
      );
    },
  },
  'spam-wave': {
    summary: '50 spam posts from bot accounts within 10 minutes, with 5 genuine complaints hidden among them',
    build: (context) => {
      const rows = offsetsWithin(55, 600, context).map((offset, index): [number, Person, TrafficChannel, string] => {
        const isGenuine = index % 11 === 5;
        const person = personFor(
          context,
          3000 + index,
          isGenuine ? {} : { followers: 0, name: `promo bot ${index}`, handle: `promo_${index}` },
        );
        const channel = context.random.pick<TrafficChannel>(['x-mention', 'facebook-comment', 'instagram-comment']);
        return [
          offset,
          person,
          channel,
          isGenuine ? fill(context.random.pick(complaints[person.language]), index) : context.random.pick(spam),
        ];
      });
      return steps(context, rows);
    },
  },
  'cross-channel': {
    summary: 'one customer calls the hotline (logged by the phone system), e-mails three hours later, then tweets',
    build: (context) => {
      const person = personFor(context, 77, { name: 'Sofia Greco', handle: 'sofiagreco77', language: 'it' });
      const email = 'sofia.greco@example.it';
      const call = {
        platform: 'custom' as const,
        channelId: context.customChannelId,
        body: {
          id: `call-${context.start.getTime()}-77`,
          text: 'Chiamata al numero verde: la cliente segnala la lavatrice difettosa, ordine A100077. Promesso richiamo entro 24 ore.',
          author: { id: email, name: person.name, email },
          type: 'direct',
          visibility: 'private',
          source: 'phone',
          createdAt: context.start.toISOString(),
          language: 'it',
        },
      };
      const tweet = stepOn(
        'x-mention',
        person,
        'Ho chiamato, ho scritto una mail e nessuno mi richiama. Lavatrice rotta da una settimana! Ordine A100077',
        3,
        atOffset(context, 4 * 3600),
        context,
      );
      return [
        { offsetSeconds: 0, step: call },
        {
          offsetSeconds: 3 * 3600,
          step: {
            platform: 'email',
            from: email,
            fromName: person.name,
            language: 'it',
            subject: 'Lavatrice difettosa - ordine A100077',
            text: 'Buongiorno,\nvi ho chiamato stamattina per la lavatrice che perde acqua (ordine A100077). Attendo la richiamata promessa.\nSofia Greco',
          },
        },
        { offsetSeconds: 4 * 3600, step: tweet },
      ];
    },
  },
  'mixed-languages': {
    summary: '40 messages alternating Italian and English, some switching language mid-sentence',
    build: (context) =>
      steps(
        context,
        offsetsWithin(40, 7200, context).map((offset, index) => {
          const language = index % 2 === 0 ? 'it' : 'en';
          const person = personFor(context, 4000 + index, { language });
          const text =
            index % 5 === 4
              ? `${context.random.pick(complaints.it)} — sorry, ${context.random.pick(complaints.en).toLowerCase()}`
              : context.random.pick(complaints[language]);
          return [offset, person, context.random.pick(trafficChannels), fill(text, index)];
        }),
      ),
  },
};
