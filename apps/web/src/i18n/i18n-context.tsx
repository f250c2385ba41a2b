import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { MessageKey } from './messages-en.ts';
import { initialLanguage, type Translate, type TranslateVars, translate, type UiLanguage } from './translate.ts';

const storageKey = 'ascolta.uiLanguage';

interface I18n {
  language: UiLanguage;
  setLanguage(language: UiLanguage): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

const readStored = (): string | null => {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null; // storage disabled by the browser's privacy settings: fall back to the browser language
  }
};

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [language, setState] = useState<UiLanguage>(() => initialLanguage(readStored(), navigator.languages));
  const setLanguage = useCallback((next: UiLanguage) => {
    setState(next);
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // not remembered across visits; the choice still holds for this page
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key: MessageKey, vars?: TranslateVars) => translate(language, key, vars) }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n needs an <I18nProvider>.');
  return value;
};
