import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { STRINGS, type StringKey } from './strings';

export type Lang = 'en' | 'ar';
const STORAGE_KEY = 'hamish.lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: StringKey, vars?: Record<string, string | number>): string;
  /** A label's name in the UI language. */
  name(def: { nameEn: string; nameAr: string }): string;
}

const I18nContext = createContext<I18n | null>(null);
const plurals = { en: new Intl.PluralRules('en'), ar: new Intl.PluralRules('ar') };

/** The UI language; Arabic turns the whole interface right-to-left (the article is RTL in both). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'ar' ? 'ar' : 'en'));
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang(next) {
        localStorage.setItem(STORAGE_KEY, next);
        setLangState(next);
      },
      t(key, vars) {
        const table = STRINGS[lang] as Record<string, string>;
        const plural = typeof vars?.count === 'number' ? table[`${key}.${plurals[lang].select(vars.count)}`] : undefined;
        let s: string = plural ?? table[key] ?? STRINGS.en[key];
        if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
        return s;
      },
      name: (def) => (lang === 'ar' ? def.nameAr : def.nameEn),
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
