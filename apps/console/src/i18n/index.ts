import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../api/types.js';
import { en } from './en.js';
import { vi } from './vi.js';

export const resources = { vi: { translation: vi }, en: { translation: en } } as const;

/** Before sign-in the choice lives in the browser; after sign-in the user's saved locale wins. */
const STORAGE_KEY = 'bluezone.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

export async function applyLocale(locale: Locale): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the language still changes for this page.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = storedLocale();
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'vi',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  return i18next;
}
