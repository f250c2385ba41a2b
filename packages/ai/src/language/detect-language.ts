import { eld } from 'eld/small';

export const supportedLanguages = ['it', 'en', 'es', 'fr', 'de', 'pt'] as const;

export interface DetectedLanguage {
  language: string;
  confidence: number;
}

// Short function words and chat spellings that one language uses and its neighbours do not: eld's
// n-grams see too little of a ten-word post to tell pt from es or it, and these settle it.
const markerWords: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    it: 'gli della degli nel sono che perché anche ancora questo questa ciao grazie ho hai abbiamo già più mio vostro vostra',
    en: "the and is are you your my was were have has not with this that what why please thanks it's i'm don't",
    es: 'el los las pero muy porque gracias hola estoy yo tengo qué también ahora nunca',
    fr: "les des est pas je vous mon avec pour très merci bonjour c'est j'ai une sur",
    de: 'der die das und ist nicht ich ein eine mit auf für bitte danke mein dein sie wir auch noch',
    pt: 'não você vocês eu meu minha tá tô pra pro hj vc obrigado obrigada muito também ele ela isso uma kkk kkkk é depois quem hoje ainda só nossa nosso',
  }).flatMap(([language, words]) => words.split(' ').map((word) => [word, language])),
);

const markerWeight = 0.12;

// Hashtags are often brand or show names (#MasterChefBR) that mislead a short text; they count only
// when the post has little else to read.
const cleanPost = (text: string): string => {
  const base = text
    .replace(/https?:\/\/\S+|www\.\S+|\bhttp\b/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/\d+/g, ' ');
  const withoutTags = base.replace(/#\w+/g, ' ');
  return withoutTags.replace(/[^\p{L}]+/gu, '').length >= 12 ? withoutTags : base.replace(/#/g, ' ');
};

/**
 * Language of a short post among the supported ones: eld's small database restricted to the six
 * languages, nudged by marker words and by the platform's hint. `und` when there is nothing to read.
 */
export const createLanguageDetector = (languages: readonly string[] = supportedLanguages) => {
  const detector = eld.newInstance();
  detector.setLanguageSubset([...languages]);
  return (text: string, hint?: string): DetectedLanguage => {
    const cleaned = cleanPost(text);
    const scores: Record<string, number> = { ...detector.detect(cleaned).getScores() };
    for (const word of cleaned.toLowerCase().match(/[\p{L}']+/gu) ?? []) {
      // ã and õ are written only in Portuguese among the six.
      const language = markerWords[word] ?? (/[ãõ]/.test(word) ? 'pt' : undefined);
      if (language !== undefined && languages.includes(language))
        scores[language] = (scores[language] ?? 0) + markerWeight;
    }
    if (hint !== undefined && languages.includes(hint)) scores[hint] = (scores[hint] ?? 0) + 0.25;
    const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (best === undefined) return { language: hint ?? 'und', confidence: 0 };
    // The margin over the runner-up, squashed to 0..1: eld's raw scores are not probabilities.
    const margin = best[1] - (second?.[1] ?? 0);
    return { language: best[0], confidence: Number((1 - Math.exp(-6 * margin - 0.3)).toFixed(3)) };
  };
};
