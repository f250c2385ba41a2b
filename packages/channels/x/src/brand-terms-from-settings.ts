import { z } from 'zod';
import type { BrandTerms } from './build-listening-rules.ts';

const structured = z.object({
  names: z.array(z.string()).default([]),
  hashtags: z.array(z.string()).default([]),
  misspellings: z.array(z.string()).default([]),
});
const flat = z.array(z.string());
const settingsWithTerms = z.object({ brandTerms: z.union([structured, flat]).optional() });

/**
 * Reads `channel.settings.brandTerms` of an X channel: either `{names, hashtags, misspellings}` or a flat
 * list where `#tag` entries are hashtags and the rest names. Null when the channel does not listen.
 */
export const brandTermsFromSettings = (settings: unknown): BrandTerms | null => {
  const parsed = settingsWithTerms.safeParse(settings);
  if (!parsed.success || parsed.data.brandTerms === undefined) return null;
  const terms = parsed.data.brandTerms;
  if (!Array.isArray(terms)) return terms;
  return {
    names: terms.filter((term) => !term.startsWith('#')),
    hashtags: terms.filter((term) => term.startsWith('#')),
    misspellings: [],
  };
};
