import type { i18n as I18n } from 'i18next';
import { initI18n } from '../i18n';
import { loadInitialState, type InitialAppState } from './app-model';
import { createAppServices, type AppServices, type Platform } from './app-services';

export interface Booted {
  services: AppServices;
  i18n: I18n;
  initial: InitialAppState;
}

/** Opens the stores, picks the language, deletes what is past retention, and starts tracing if onboarded. */
export async function boot(platform: Platform, setTranslator?: (i18n: I18n) => void): Promise<Booted> {
  const services = await createAppServices(platform);
  const initial = await loadInitialState(services);
  const i18n = await initI18n(initial.language);
  setTranslator?.(i18n);
  await services.deleteExpiredData();
  if (initial.onboarded) await services.tracing.start();
  // The app's code runs: the keep-open reminder moves ahead (iPhones).
  await services.keepOpenReminder.push();
  return { services, i18n, initial };
}
