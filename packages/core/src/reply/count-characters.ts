import type { ChannelKind } from '../channel/channel.ts';

/** X shortens every link to a t.co address of this many characters, whatever its length. */
export const xUrlLength = 23;
const url = /https?:\/\/\S+/g;

/** Characters a platform counts against its limit: code points, with X's fixed-length links. */
export const countCharacters = (text: string, channelKind: ChannelKind): number => {
  if (channelKind !== 'x') return [...text].length;
  const urls = text.match(url) ?? [];
  const withoutUrls = text.replace(url, '');
  return [...withoutUrls].length + urls.length * xUrlLength;
};
