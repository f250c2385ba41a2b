import type { ChannelKind } from '../channel/channel.ts';
import { surveyReplyPayload } from './parse-survey-answer.ts';
import { type SurveyKind, surveyScale } from './survey.ts';
import { fillSurveyText, surveyLanguage, surveyTexts } from './survey-texts.ts';

/** One tappable answer: a quick reply, a WhatsApp button or list row. */
export interface SurveyOption {
  payload: string;
  title: string;
}

export interface SurveyQuestion {
  text: string;
  /** Empty when the channel cannot offer them all: the text then carries the link, if there is one. */
  options: SurveyOption[];
  /** The button that opens a list of options (WhatsApp). */
  menuLabel: string;
  language: 'it' | 'en';
}

/**
 * How many tappable options each channel can show at once: Messenger and Instagram quick replies (13),
 * a WhatsApp list (10 rows; its reply buttons stop at 3). E-mail, X (v2 DMs) and comment replies have none.
 */
export const surveyOptionLimit: Readonly<Record<ChannelKind, number>> = {
  messenger: 13,
  instagram: 13,
  whatsapp: 10,
  facebook: 0,
  x: 0,
  email: 0,
  custom: 0,
};

export interface SurveyQuestionInput {
  surveyId: string;
  kind: SurveyKind;
  language: string | null;
  ticketNumber: number;
  channelKind: ChannelKind;
  /** The signed answer page; null when the server has no link to offer. */
  link: string | null;
}

/** The one survey question: buttons where the channel has enough of them, a signed link otherwise. */
export const composeSurveyQuestion = (input: SurveyQuestionInput): SurveyQuestion => {
  const language = surveyLanguage(input.language);
  const texts = surveyTexts[language];
  const { min, max } = surveyScale[input.kind];
  const scores = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  const options = scores.map((score) => ({
    payload: surveyReplyPayload(input.surveyId, score),
    title: input.kind === 'csat' ? (texts.csatLabels[score - 1] ?? String(score)) : String(score),
  }));
  const question = fillSurveyText(texts.question[input.kind], { ticket: input.ticketNumber });
  if (options.length <= surveyOptionLimit[input.channelKind]) {
    return { text: question, options, menuLabel: texts.menuLabel, language };
  }
  const text =
    input.link === null ? question : `${question}\n\n${fillSurveyText(texts.linkLine, { link: input.link })}`;
  return { text, options: [], menuLabel: texts.menuLabel, language };
};
