import type { ChannelKind } from '../channel/channel.ts';
import { countCharacters } from './count-characters.ts';

const wrapWords = (text: string, maxLength: number, channelKind: ChannelKind): string[] => {
  const chunks: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (countCharacters(candidate, channelKind) <= maxLength) {
      current = candidate;
      continue;
    }
    if (current !== '') chunks.push(current);
    current = word;
    // A single word longer than a whole part is cut, by code points so no emoji is broken.
    while (countCharacters(current, channelKind) > maxLength) {
      const codePoints = [...current];
      chunks.push(codePoints.slice(0, maxLength).join(''));
      current = codePoints.slice(maxLength).join('');
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
};

/** Splits a text into numbered parts (`… 1/3`) that each fit `limit`, breaking between words. */
export const splitIntoThread = (text: string, limit: number, channelKind: ChannelKind): string[] => {
  if (countCharacters(text, channelKind) <= limit) return [text];
  // Reserve room for the widest suffix that the part count could need.
  for (let total = 2; ; total++) {
    const chunks = wrapWords(text, Math.max(1, limit - ` ${total}/${total}`.length), channelKind);
    if (chunks.length <= total) return chunks.map((chunk, index) => `${chunk} ${index + 1}/${chunks.length}`);
  }
};
