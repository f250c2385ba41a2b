import { type SurveyKind, surveyScale } from './survey.ts';

export interface SurveyAnswer {
  score: number;
  /** What the customer wrote besides the score, as they wrote it; null when nothing. */
  comment: string | null;
}

const numberWords: Readonly<Record<string, number>> = {
  zero: 0,
  uno: 1,
  due: 2,
  tre: 3,
  quattro: 4,
  cinque: 5,
  sei: 6,
  sette: 7,
  otto: 8,
  nove: 9,
  dieci: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const number = `10|[0-9]|${Object.keys(numberWords).join('|')}`;
// Words that may come before the score: "voto 9", "il mio voto è 8", "do un 7", "I'd give it a 4".
const lead = [
  "il mio voto (?:è|e|e')",
  'voto',
  'punteggio',
  'valutazione',
  'darei',
  'direi',
  'metto',
  'do',
  'my score is',
  'score',
  'rating',
  "i(?:'d| would)? give (?:it|you)?",
  "i(?:'d| would) say",
].join('|');
const article = '(?:un|una|a|an)';
const atStart = new RegExp(`^\\s*(?:(?:${lead})\\s*[:=]?\\s*(?:${article}\\s+)?)?(${number})(?![0-9a-z])`, 'u');
// A score anywhere but marked as one: "4/5", "8 su 10", "7 out of 10", "4 stelle", "five stars".
const marked = new RegExp(
  `(?<![0-9a-z])(${number})\\s*(?:(?:/|su|out of|di)\\s*(5|10)(?![0-9])|(?:stelle|stella|stars?)\\b)`,
  'u',
);
const scaleMarker = /^\s*(?:(?:\/|su|out of|di)\s*(?:5|10)(?![0-9])|stelle|stella|stars?|punti|points?)/u;
// "3 giorni", "2 ordini", "10 minuti": a number that counts something else is not a score.
const countedThing =
  /^\s*(?:giorn[oi]|or[ae]|minut[oi]|settiman[ae]|mes[ei]|ann[oi]|euro|€|ordin[ei]|pacch[io]|pezz[io]|volt[ae]|days?|hours?|minutes?|weeks?|months?|years?|orders?|items?|times?|parcels?|packages?)\b/u;
// After a number word the sentence must stop or mark the scale: "sei stato gentile" is not a 6.
const wordEnd = /^(?:\s*$|\s*[,.;:!?)\-–—]|\s*(?:\/|su |out of |stelle|stella|stars?|punti|points?))/u;
const separators = /^[\s,.;:!?)\-–—=]+|[\s,;:\-–—=]+$/gu;
const stars = /[⭐★]/gu;
const starSymbols = /⭐|★|☆|\uFE0F/gu;

const scoreOf = (token: string): number => numberWords[token] ?? Number(token);

const commentOf = (rest: string): string | null => {
  const comment = rest.replace(scaleMarker, '').replace(starSymbols, '').replace(separators, '').trim();
  return comment.length > 0 ? comment : null;
};

const inScale = (kind: SurveyKind, score: number, outOf: number | null): boolean => {
  const { min, max } = surveyScale[kind];
  return score >= min && score <= max && (outOf === null || outOf === max);
};

const starRating = (text: string): Found | null => {
  const count = text.match(stars)?.length ?? 0;
  if (count === 0) return null;
  return { score: count, comment: commentOf(text) };
};

type Found = SurveyAnswer & { outOf?: number };

const fromStart = (text: string, lower: string): Found | null => {
  const match = atStart.exec(lower);
  if (match === null) return null;
  const token = match[1] as string;
  const rest = lower.slice(match[0].length);
  const isWord = Object.hasOwn(numberWords, token);
  if (isWord ? !wordEnd.test(rest) : countedThing.test(rest) || /^[.,][0-9]/u.test(rest)) return null;
  const outOf = /^\s*(?:\/|su|out of|di)\s*(5|10)(?![0-9])/u.exec(rest)?.[1];
  const score = scoreOf(token);
  return { score, comment: commentOf(text.slice(match[0].length)), ...(outOf ? { outOf: Number(outOf) } : {}) };
};

const fromMarkedScore = (text: string, lower: string): Found | null => {
  const match = marked.exec(lower);
  if (match === null) return null;
  const comment = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
  return {
    score: scoreOf(match[1] as string),
    comment: commentOf(comment),
    ...(match[2] === undefined ? {} : { outOf: Number(match[2]) }),
  };
};

/**
 * Reads a survey answer from what the customer wrote, in Italian or English: "4", "quattro", "5 stelle",
 * "8 - tempi lunghi", "voto 9, grazie", "3/5 il corriere era in ritardo", "⭐⭐⭐⭐". The score must open the
 * message or be marked as one ("4/5", "8 su 10", "4 stelle") and fit the kind's scale; a number that counts
 * something ("3 giorni e ancora niente") is not a score. Null when no score can be read.
 */
export const parseSurveyAnswer = (kind: SurveyKind, text: string): SurveyAnswer | null => {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  const found: Found | null =
    // Stars count only when no number is written: "5 ⭐" is a 5.
    (kind === 'csat' && !/[0-9]/u.test(trimmed) ? starRating(trimmed) : null) ??
    fromStart(trimmed, lower) ??
    fromMarkedScore(trimmed, lower);
  if (found === null || !inScale(kind, found.score, found.outOf ?? null)) return null;
  return { score: found.score, comment: found.comment };
};

/** The quick-reply payload of a survey option: `survey:<surveyId>:<score>`. */
export const surveyReplyPayload = (surveyId: string, score: number): string => `survey:${surveyId}:${score}`;

/** The score a tapped option carries, when it belongs to this survey and fits its scale. */
export const scoreFromPayload = (kind: SurveyKind, surveyId: string, payload: string | null): number | null => {
  const match = /^survey:(.+):(\d{1,2})$/u.exec(payload ?? '');
  if (match === null || match[1] !== surveyId) return null;
  const score = Number(match[2]);
  return inScale(kind, score, null) ? score : null;
};
