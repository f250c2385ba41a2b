import { z } from 'zod';

/** The non-secret and secret settings a stored channel may carry, parsed at the edge of its JSON column. */
const tokenSettings = z.object({ accessToken: z.string().min(1).optional() });

const brandTerms = z
  .union([
    z.array(z.string()),
    z.object({
      names: z.array(z.string()).default([]),
      hashtags: z.array(z.string()).default([]),
      misspellings: z.array(z.string()).default([]),
    }),
  ])
  // The short form lists names and hashtags together, as the demo workspace does.
  .transform((terms) =>
    Array.isArray(terms)
      ? {
          names: terms.filter((term) => !term.startsWith('#')),
          hashtags: terms.filter((term) => term.startsWith('#')),
          misspellings: [],
        }
      : terms,
  );

export const metaChannelSettings = tokenSettings;

export const xChannelSettings = tokenSettings.extend({ brandTerms: brandTerms.optional() });

const port = z.number().int().min(1).max(65_535);

export const emailChannelSettings = z.object({
  displayName: z.string().min(1).optional(),
  aliases: z.array(z.string()).optional(),
  smtp: z
    .object({
      host: z.string().min(1),
      port,
      secure: z.boolean().optional(),
      user: z.string().min(1).optional(),
      password: z.string().optional(),
    })
    .optional(),
  imap: z
    .object({
      host: z.string().min(1),
      port,
      secure: z.boolean().optional(),
      user: z.string().min(1),
      password: z.string(),
      folder: z.string().min(1).optional(),
    })
    .optional(),
});

export const customChannelSettings = z.object({
  secret: z.string().min(1),
  callbackUrl: z.url().optional(),
});
