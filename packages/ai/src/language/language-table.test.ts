import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { buildLanguageTableFromEld } from '../training/build-language-table.ts';
import { createLanguageDetector, loadLanguageTable, supportedLanguages } from './detect-language.ts';
import { decodeLanguageTable, encodeLanguageTable } from './language-table.ts';

const posts = [
  'Il mio ordine non è ancora arrivato, potete aiutarmi?',
  'Da tre giorni internet non funziona e nessuno risponde',
  'My parcel has not arrived yet, can you help me?',
  'The app keeps crashing every time I log in',
  'Mi pedido todavía no ha llegado, ¿pueden ayudarme?',
  "Ma commande n'est toujours pas arrivée, pouvez-vous m'aider ?",
  'Meine Bestellung ist noch nicht angekommen, können Sie mir helfen?',
  'Meu pedido ainda não chegou, vocês podem me ajudar?',
  'grazie mille',
  'thanks',
];

describe('language table', () => {
  it('reads like eld itself: built from the same database, it picks the same language', async () => {
    const table = await buildLanguageTableFromEld(supportedLanguages, 'small');
    const ours = createLanguageDetector(supportedLanguages, table);
    const reference = eld.newInstance();
    reference.setLanguageSubset([...supportedLanguages]);
    for (const post of posts) expect(ours(post).language, post).toBe(reference.detect(post).language);
  });

  it('survives a save and load, and the committed table is eld large for the six languages', () => {
    const committed = loadLanguageTable();
    expect(committed.source).toBe('L60');
    expect(committed.languages).toEqual([...supportedLanguages]);
    const reloaded = decodeLanguageTable(encodeLanguageTable(committed));
    expect(Buffer.from(reloaded.bytes).equals(Buffer.from(committed.bytes))).toBe(true);
    expect(() => decodeLanguageTable(new Uint8Array(16))).toThrow(/not an Ascolta language table/);
  });
});
