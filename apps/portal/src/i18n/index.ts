import { LOCALES, type Locale } from '@anc/domain';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.ts';
import { esMX } from './es-MX.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof esMX };
  }
}

export const DEFAULT_LOCALE: Locale = 'es-MX';

/** The key under which an explicit language choice is remembered in this browser. */
const STORAGE_KEY = 'anc.locale';

const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** True when the person picked a language in this browser (it then wins over the account's). */
export function hasExplicitLocale(): boolean {
  return readStoredLocale() !== null;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    'es-MX': { translation: esMX },
    en: { translation: en },
  },
  lng: readStoredLocale() ?? DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function syncDocument(locale: Locale) {
  document.documentElement.lang = locale;
}
syncDocument(currentLocale());
i18n.on('languageChanged', (lng) => syncDocument(isLocale(lng) ? lng : DEFAULT_LOCALE));

export function currentLocale(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : DEFAULT_LOCALE;
}

/** Switch the language; `remember` marks it as this browser's explicit choice. */
export async function changeLocale(locale: Locale, { remember }: { remember: boolean }): Promise<void> {
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }
  if (currentLocale() !== locale) await i18n.changeLanguage(locale);
}

/** The current language, re-rendering the caller when it changes. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage ?? instance.language;
  return isLocale(lng) ? lng : DEFAULT_LOCALE;
}

/** An agency's name in the reader's language. */
export const agencyName = (agency: { name: string; nameEn: string }, locale: Locale) => (locale === 'en' ? agency.nameEn : agency.name);
