import { describe, expect, it } from 'vitest';
import { createLanguageDetector } from './detect-language.ts';

const detect = createLanguageDetector();

describe('createLanguageDetector', () => {
  it.each([
    ['it', 'Il mio ordine non è ancora arrivato, potete aiutarmi?'],
    ['en', 'My parcel has not arrived yet, can you help me?'],
    ['es', 'Mi pedido todavía no ha llegado, ¿pueden ayudarme?'],
    ['fr', "Ma commande n'est toujours pas arrivée, pouvez-vous m'aider ?"],
    ['de', 'Meine Bestellung ist noch nicht angekommen, können Sie mir helfen?'],
    ['pt', 'Meu pedido ainda não chegou, vocês podem me ajudar?'],
  ])('tells %s from a short post', (language, text) => {
    const detected = detect(`@brand ${text} https://t.co/x`);
    expect(detected.language).toBe(language);
    expect(detected.confidence).toBeGreaterThan(0.5);
  });

  it('says und with no confidence when there is nothing to read, unless the platform gave a hint', () => {
    expect(detect('12345 !!! @brand')).toEqual({ language: 'und', confidence: 0 });
    expect(detect('👍', 'it').language).toBe('it');
  });

  it('reads a letter held for emphasis as the word, and laughter as the language that spells it so', () => {
    expect(detect('Bellissimooooo grazieeee')).toEqual(detect('Bellissimo grazie'));
    expect(detect('kkkkkkk o máximo').language).toBe('pt');
    expect(detect('jajajaja').language).toBe('es');
  });

  it('lets an accented letter rule out the languages that never write it', () => {
    expect(detect('Moço').language).toBe('pt');
    expect(detect('niño bonito').language).toBe('es');
  });
});
