import { describe, expect, it } from 'vitest';
import { parseSurveyAnswer, scoreFromPayload, surveyReplyPayload } from './parse-survey-answer.ts';

describe('parseSurveyAnswer', () => {
  it.each([
    ['4', 4, null],
    [' 5 ', 5, null],
    ['quattro', 4, null],
    ['Cinque!', 5, null],
    ['5 stelle', 5, null],
    ['4 stars', 4, null],
    ['Four stars, quick and kind', 4, 'quick and kind'],
    ['⭐⭐⭐⭐', 4, null],
    ['★★★☆☆ lenti', 3, 'lenti'],
    ['3/5 il corriere era in ritardo', 3, 'il corriere era in ritardo'],
    ['Voto: 2 - nessuno mi ha richiamato', 2, 'nessuno mi ha richiamato'],
    ['Il mio voto è 5, bravissimi', 5, 'bravissimi'],
    ['Do un 4', 4, null],
    ["I'd give it a 3, the app kept crashing", 3, 'the app kept crashing'],
    ['Direi 4 su 5', 4, null],
    ['il servizio merita 4 stelle', 4, 'il servizio merita'],
    ['1. Pessimo', 1, 'Pessimo'],
    ['two', 2, null],
    ['5 ⭐', 5, null],
    ['5/5!!!', 5, null],
    ['4 su 5 grazie', 4, 'grazie'],
    ['Excellent, 5 stars', 5, 'Excellent'],
  ])('reads CSAT %j as %i', (text, score, comment) => {
    expect(parseSurveyAnswer('csat', text)).toEqual({ score, comment });
  });

  it.each([
    ['8 - tempi lunghi', 8, 'tempi lunghi'],
    ['voto 9, grazie', 9, 'grazie'],
    ['10', 10, null],
    ['0', 0, null],
    ['dieci, e lode', 10, 'e lode'],
    ['10 e lode', 10, 'e lode'],
    ['7/10 ok', 7, 'ok'],
    ['6 su 10: potete fare meglio', 6, 'potete fare meglio'],
    ['My score is 9. Great support!', 9, 'Great support!'],
    ['seven out of 10', 7, null],
    ['Rating: 5', 5, null],
    ['Zero.', 0, null],
    ['nove', 9, null],
    ['Nine!', 9, null],
    ['10/10 would recommend', 10, 'would recommend'],
    ['I would say 6', 6, null],
  ])('reads NPS %j as %i', (text, score, comment) => {
    expect(parseSurveyAnswer('nps', text)).toEqual({ score, comment });
  });

  it.each([
    ['csat', 'grazie mille'],
    ['csat', 'ottimo servizio'],
    ['csat', '6'],
    ['csat', '0'],
    ['csat', '8 su 10'],
    ['nps', '11'],
    ['nps', '4/5'],
    ['csat', '3 giorni e ancora niente!'],
    ['csat', '2 ordini non sono mai arrivati'],
    ['nps', 'ho aspettato 2 ore al telefono'],
    ['csat', 'Il mio ordine 12345 non è arrivato'],
    ['nps', 'sei stati gentilissimi'],
    ['csat', '4.5'],
    ['nps', 'The package arrived broken again'],
    ['csat', ''],
  ] as const)('finds no %s score in %j', (kind, text) => {
    expect(parseSurveyAnswer(kind, text)).toBeNull();
  });
});

describe('survey reply payloads', () => {
  it('round-trips the score of this survey only, within the scale', () => {
    expect(scoreFromPayload('csat', 's-1', surveyReplyPayload('s-1', 4))).toBe(4);
    expect(scoreFromPayload('nps', 's-1', surveyReplyPayload('s-1', 0))).toBe(0);
    expect(scoreFromPayload('csat', 's-2', surveyReplyPayload('s-1', 4))).toBeNull();
    expect(scoreFromPayload('csat', 's-1', surveyReplyPayload('s-1', 9))).toBeNull();
    expect(scoreFromPayload('csat', 's-1', null)).toBeNull();
  });
});
