import { type SurveyKind, surveyScale, surveyTexts } from '@ascolta/core';

export type PageLanguage = 'it' | 'en';

const pageTexts = {
  it: {
    title: 'La tua opinione',
    question: {
      csat: 'Com’è andata con la tua richiesta?',
      nps: 'Quanto ci consiglieresti a un amico o a un collega?',
    },
    scaleHint: { csat: '1 = pessimo, 5 = ottimo', nps: '0 = per niente, 10 = sicuramente' },
    comment: 'Vuoi aggiungere un commento? (facoltativo)',
    send: 'Invia',
    thanks: 'Grazie per il tuo voto!',
    alreadyAnswered: 'Hai già risposto a questo sondaggio: grazie!',
    invalid: 'Questo link non è valido. Controlla di averlo copiato per intero.',
    expired: 'Questo sondaggio è scaduto: non accetta più risposte.',
    notFound: 'Questo sondaggio non esiste più.',
    badScore: 'Scegli un voto prima di inviare.',
  },
  en: {
    title: 'Your opinion',
    question: {
      csat: 'How did we do with your request?',
      nps: 'How likely are you to recommend us to a friend or colleague?',
    },
    scaleHint: { csat: '1 = very poor, 5 = excellent', nps: '0 = not at all, 10 = extremely likely' },
    comment: 'Would you like to add a comment? (optional)',
    send: 'Send',
    thanks: 'Thank you for your feedback!',
    alreadyAnswered: 'You have already answered this survey: thank you!',
    invalid: 'This link is not valid. Please check that you copied all of it.',
    expired: 'This survey has expired and no longer takes answers.',
    notFound: 'This survey no longer exists.',
    badScore: 'Please choose a score before sending.',
  },
} as const;

export type PageNotice = 'thanks' | 'alreadyAnswered' | 'invalid' | 'expired' | 'notFound';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/gu, (character) => `&#${character.charCodeAt(0)};`);

const layout = (language: PageLanguage, body: string): string =>
  `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTexts[language].title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e}
fieldset{border:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}label.score{border:1px solid #ced4da;border-radius:.4rem;padding:.5rem .8rem;cursor:pointer}
textarea{width:100%;min-height:6rem;margin:.5rem 0}button{padding:.6rem 1.4rem;border:0;border-radius:.4rem;background:#228be6;color:#fff;font-size:1rem}
.error{color:#c92a2a}</style></head><body>${body}</body></html>`;

/** One sentence page: thanks, already answered, invalid or expired link. */
export const renderSurveyNotice = (language: PageLanguage, notice: PageNotice): string =>
  layout(language, `<h1>${pageTexts[language].title}</h1><p role="status">${pageTexts[language][notice]}</p>`);

/** The answer form: one choice per score of the kind, an optional comment, one button. */
export const renderSurveyForm = (
  language: PageLanguage,
  kind: SurveyKind,
  action: string,
  error: 'badScore' | null = null,
): string => {
  const texts = pageTexts[language];
  const { min, max } = surveyScale[kind];
  const labels = surveyTexts[language].csatLabels;
  const choices = Array.from({ length: max - min + 1 }, (_, index) => min + index)
    .map((score) => {
      const label = kind === 'csat' ? (labels[score - 1] ?? String(score)) : String(score);
      return `<label class="score"><input type="radio" name="score" value="${score}" required> ${escapeHtml(label)}</label>`;
    })
    .join('');
  const problem = error === null ? '' : `<p class="error" role="alert">${texts[error]}</p>`;
  return layout(
    language,
    `<h1>${texts.title}</h1><form method="post" action="${escapeHtml(action)}">
<p><strong>${texts.question[kind]}</strong><br><small>${texts.scaleHint[kind]}</small></p>${problem}
<fieldset>${choices}</fieldset>
<p><label for="comment">${texts.comment}</label><textarea id="comment" name="comment" maxlength="1000"></textarea></p>
<button type="submit">${texts.send}</button></form>`,
  );
};

/** The page speaks the survey's language; without a survey, the browser's. */
export const pageLanguageOf = (surveyLanguage: string | null, acceptLanguage: string | undefined): PageLanguage => {
  const preferred = surveyLanguage ?? acceptLanguage?.trim().slice(0, 2).toLowerCase() ?? 'en';
  return preferred === 'it' ? 'it' : 'en';
};
