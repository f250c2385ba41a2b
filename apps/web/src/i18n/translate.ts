import { en, type MessageKey } from './messages-en.ts';
import { it } from './messages-it.ts';

export const uiLanguages = ['it', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export const tables: Record<UiLanguage, Record<MessageKey, string>> = { en, it };

export type TranslateVars = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

/** Looks a key up and fills `{name}` placeholders; an unknown placeholder stays visible so it gets noticed. */
export const translate = (language: UiLanguage, key: MessageKey, vars?: TranslateVars): string => {
  const text = tables[language][key];
  if (vars === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
};

export const isUiLanguage = (value: unknown): value is UiLanguage =>
  typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);

/** First choice: what the agent picked before (remembered in the browser), then the browser's language. */
export const initialLanguage = (stored: string | null, browserLanguages: readonly string[]): UiLanguage => {
  if (isUiLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isUiLanguage(base)) return base;
  }
  return 'en';
};
