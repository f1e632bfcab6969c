import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
export const resources = { vi: { translation: vi }, en: { translation: en } } as const;

/** One i18next instance for the app; Vietnamese unless the user switched. */
export async function initI18n(language: Language = 'vi'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** A UTC day `YYYY-MM-DD` as people read it: "Thứ Ba, 14/11/2023" or "Tuesday 14/11/2023". */
export function formatDay(day: string, t: (key: string, options?: { returnObjects: true }) => unknown): string {
  const [year, month, date] = day.split('-');
  const weekdays = t('date.weekdays', { returnObjects: true }) as string[];
  const weekday = weekdays[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? '';
  return `${weekday}, ${date}/${month}/${year}`;
}

/** A moment in the phone's time zone: "10:32, 14/11/2023". */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}, ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}
