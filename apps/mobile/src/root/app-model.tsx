import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import type { ExposureCheckRecord, ExposureStatus } from '../exposure/exposure-status';
import { NO_EXPOSURE } from '../exposure/exposure-status';
import type { Language } from '../i18n';
import type { TracingStatus } from '../tracing/tracing-service';
import type { PublishedUpload } from '../upload/upload-flow';
import type { AppServices } from './app-services';
import type { DemoControls } from './demo-controls';

/** What every screen reads and the few things it may change, backed by the services. */
export interface AppModel {
  services: AppServices;
  demo: DemoControls | undefined;
  language: Language;
  setLanguage(language: Language): Promise<void>;
  onboarded: boolean;
  completeOnboarding(): Promise<void>;
  tracing: TracingStatus;
  paused: boolean;
  setPaused(paused: boolean): Promise<void>;
  exposure: ExposureStatus;
  lastCheck: ExposureCheckRecord | undefined;
  checking: boolean;
  runCheck(): Promise<void>;
  pendingUpload: boolean;
  published: PublishedUpload | undefined;
  refreshUpload(): Promise<void>;
  deleteAll(): Promise<void>;
}

const AppContext = createContext<AppModel | undefined>(undefined);

export function useApp(): AppModel {
  const model = useContext(AppContext);
  if (!model) throw new Error('useApp outside AppProvider');
  return model;
}

export interface InitialAppState {
  language: Language;
  onboarded: boolean;
  paused: boolean;
  exposure: ExposureStatus;
  lastCheck: ExposureCheckRecord | undefined;
  pendingUpload: boolean;
  published: PublishedUpload | undefined;
}

/** Reads what the first screen needs before it is drawn. */
export async function loadInitialState(services: AppServices): Promise<InitialAppState> {
  return {
    language: (await services.state.get('settings.language')) ?? 'vi',
    onboarded: (await services.state.get('settings.onboarded')) === true,
    paused: (await services.state.get('settings.tracingPaused')) === true,
    exposure: (await services.state.get('exposure.status')) ?? NO_EXPOSURE,
    lastCheck: await services.state.get('exposure.lastCheck'),
    pendingUpload: (await services.upload.pending())?.verified !== undefined || (await services.upload.pending())?.keys !== undefined,
    published: await services.upload.published(),
  };
}

export function AppProvider({ services, i18n, initial, demo, children }: { services: AppServices; i18n: I18n; initial: InitialAppState; demo?: DemoControls; children: ReactNode }) {
  const [language, setLanguageState] = useState(initial.language);
  const [onboarded, setOnboarded] = useState(initial.onboarded);
  const [paused, setPausedState] = useState(initial.paused);
  const [tracing, setTracing] = useState<TracingStatus>(services.tracing.current());
  const [exposure, setExposure] = useState(initial.exposure);
  const [lastCheck, setLastCheck] = useState(initial.lastCheck);
  const [checking, setChecking] = useState(false);
  const [pendingUpload, setPendingUpload] = useState(initial.pendingUpload);
  const [published, setPublished] = useState(initial.published);

  useEffect(() => services.tracing.subscribe(setTracing), [services]);

  const setLanguage = useCallback(
    async (next: Language) => {
      await services.state.set('settings.language', next);
      await i18n.changeLanguage(next);
      setLanguageState(next);
      await services.languageChanged();
    },
    [services, i18n],
  );

  const completeOnboarding = useCallback(async () => {
    await services.state.set('settings.onboarded', true);
    await services.tracing.start();
    setOnboarded(true);
  }, [services]);

  const setPaused = useCallback(
    async (next: boolean) => {
      await services.state.set('settings.tracingPaused', next);
      setPausedState(next);
      await services.tracing.refresh();
    },
    [services],
  );

  const runCheck = useCallback(async () => {
    setChecking(true);
    try {
      const result = await services.exposureCheck.run();
      setExposure(result.status);
      setLastCheck(result.record);
    } finally {
      setChecking(false);
    }
  }, [services]);

  const refreshUpload = useCallback(async () => {
    const pending = await services.upload.pending();
    setPendingUpload(pending?.verified !== undefined || pending?.keys !== undefined);
    setPublished(await services.upload.published());
  }, [services]);

  const deleteAll = useCallback(async () => {
    await services.deleteAllData();
    await i18n.changeLanguage(language);
    await services.state.set('settings.language', language);
    setExposure(NO_EXPOSURE);
    setLastCheck(undefined);
    setPendingUpload(false);
    setPublished(undefined);
    setPausedState(false);
    setOnboarded(false);
  }, [services, i18n, language]);

  const model = useMemo<AppModel>(
    () => ({ services, demo, language, setLanguage, onboarded, completeOnboarding, tracing, paused, setPaused, exposure, lastCheck, checking, runCheck, pendingUpload, published, refreshUpload, deleteAll }),
    [services, demo, language, setLanguage, onboarded, completeOnboarding, tracing, paused, setPaused, exposure, lastCheck, checking, runCheck, pendingUpload, published, refreshUpload, deleteAll],
  );
  return <AppContext.Provider value={model}>{children}</AppContext.Provider>;
}
