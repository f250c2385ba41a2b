import { polarityOf } from './polarity-words.ts';

// Opt-in cues for the built-in models (`FeatureSpec.sentimentCues`): negation scope, emoticons, and a
// larger it/en polarity lexicon. Words are folded as the features see them: lower case, no accents.

/** Words that negate the few words after them ("non funziona", "not working", "don't like"). */
const negators = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'nor',
  'without',
  'cannot',
  'non',
  'mai',
  'niente',
  'nulla',
  'nessuno',
  'nessuna',
  'senza',
  'neanche',
  'nemmeno',
  'neppure',
]);

// "don't", "isn't", "can't": the tokeniser splits them into "don" + "t".
const contractionStems = new Set([
  'don',
  'doesn',
  'didn',
  'isn',
  'aren',
  'wasn',
  'weren',
  'can',
  'couldn',
  'won',
  'wouldn',
  'shouldn',
  'haven',
  'hasn',
  'hadn',
  'ain',
]);

/** Whether `token` (after `previous`) opens a negation scope. */
export const isNegator = (token: string, previous: string | undefined): boolean =>
  negators.has(token) || (token === 't' && previous !== undefined && contractionStems.has(previous));

/** How many tokens after a negator count as negated; `!`, `?` and the end of the post close it earlier. */
export const negationScope = 3;

const positiveEmoticon = /(?:^|\s)(?:[:;=8x]-?[)\]dp3*]+|\(-?[:;=]|<3+|\^_*\^)(?=\s|$)/g;
const negativeEmoticon = /(?:^|\s)(?:[:;=]'?-?[([/\\|]+|[)\]]-?'?[:;=]|d-?:|<\/3)(?=\s|$)/g;

/** The emoticons of a normalised post (lower case, so ":D" reads ":d"), as polarity tokens. */
export const emoticonPolarities = (normalised: string): string[] => {
  if (!/[:;=8<^()]/.test(normalised)) return [];
  const found: string[] = [];
  for (const _ of normalised.matchAll(positiveEmoticon)) found.push('zzemopositive');
  for (const _ of normalised.matchAll(negativeEmoticon)) found.push('zzemonegative');
  return found;
};

// More of what people write about a brand or their day, beside `polarity-words.ts`.
const positive =
  'contento contenta contenti soddisfatto soddisfatta soddisfatti felici gioia sorriso sorrisi bellissimi bellissime belle belli bravissimo bravissima bravissimi eccellente eccezionale magnifico magnifica incredibile spettacolo spettacolare emozionante emozione auguri buon buona buonissimo buonissima fortunato fortunata orgoglioso orgogliosa speranza vittoria vinto vince meglio migliore migliori geniale simpatico simpatica carino carina dolce amore amici festa risate ridere ahah ahahah ahahahah haha hahaha lol grandissimo ottimamente velocissimo veloce puntuale puntualissimo risolto risolta cortese cortesissimo disponibile professionali professionale impeccabile consigliatissimo congratulazioni thrilled delighted glad pleased grateful thankful appreciate appreciated enjoy enjoyed enjoying fantastic wonderful superb outstanding incredible cool yay excited exciting favourite favorite cute sweet proud win won winning congrats congratulations recommend recommended helpful quick fast resolved sorted smooth easy friendly kind legend hero lucky blessed beautiful gorgeous fabulous best yummy delicious tasty';
const negative =
  'schifezza vergognosa vergognosi vergognose pessime disgustoso disgustosa orribile orrendo orrenda terribile tremendo squallido squallida indecente indecenti vergognarsi inaccettabile inammissibile assurdi inefficienti incapaci incapace imbarazzante delusi deludente lamentela reclamo reclami furioso furiosa furto ladro ladroni truffatori truffato truffata fregatura fregati bloccato bloccata guasto guasta rotta rotti lento lentissimo lentezza ritardi ritardo attesa aspetto aspettando disservizio disservizi problemi problema errore errori sbagliati nervoso nervi stanco stanca stufo stufa schifosi morto morti morte dolore piangere piango paura preoccupato preoccupata crisi guerra povero poveri ingiusto ingiustizia vergogne odiare odioso cattivo cattiva brutto brutta bruttissimo orrore mannaggia uffa accidenti noia noioso noiosa annoyed furious livid ridiculous unacceptable disgrace disgraceful shocking shocked appalling appalled rubbish garbage trash joke nightmare worse worst waste wasted scam scammed ripoff refuse refused rude unhelpful incompetent incompetence frustrating frustrated frustration fed upset unhappy hopeless pointless lies lied liar stolen stole late delayed delay cancelled canceled missing lost wrong error fault faulty crashed crashing crash failed failure fails outage down dead slow ugh sucks suck sucked hell damn dammit wtf sick tired hurt pain cry crying died death die kill killed hate hates sorry unfortunately worried fear scared awful dreadful';

/** Polarity of a folded word or emoji: the original lexicon and the words above (a Map: no prototype keys). */
export const cuePolarityOf: ReadonlyMap<string, string> = new Map([
  ...Object.entries(polarityOf),
  ...positive.split(' ').map((word) => [word, 'zzpositive'] as const),
  ...negative.split(' ').map((word) => [word, 'zznegative'] as const),
  ...['😀', '😃', '😄', '😁', '😂', '🤣', '😘', '💕', '💖', '💪', '🙌', '🎉', '✨', '🙂', '😎', '💯', '🔥', '♥'].map(
    (emoji) => [emoji, 'zzpositive'] as const,
  ),
  ...['😢', '😞', '😒', '🙄', '😩', '😫', '💩', '😑', '🙁', '☹', '😔', '😖', '😣', '💔', '🤮', '🤦'].map(
    (emoji) => [emoji, 'zznegative'] as const,
  ),
]);
