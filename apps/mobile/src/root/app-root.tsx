import { NavigationContainer, createNavigationContainerRef, type LinkingOptions } from '@react-navigation/native';
import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Platform } from 'react-native';
import { SafeAreaProvider } from 'react-native-safe-area-context';
import { AppProvider, type InitialAppState } from './app-model';
import type { AppServices } from './app-services';
import type { DemoControls } from './demo-controls';
import { AppLifecycle } from './lifecycle';
import { AppNavigator } from './navigation';
import type { RootStackParamList } from './routes';

export const navigationRef = createNavigationContainerRef<RootStackParamList>();

/** `bluezone://verify?c=CODE` (the officer's QR code, or a link from another app) opens the upload with the code. */
const linking: LinkingOptions<RootStackParamList> = {
  prefixes: ['bluezone://'],
  enabled: Platform.OS !== 'web',
  config: { screens: { UploadCode: 'verify' } },
};

export interface AppRootProps {
  services: AppServices;
  i18n: I18n;
  initial: InitialAppState;
  demo?: DemoControls;
  /** Where a tap on a notification leads (the phone's notifications; absent in tests and on the web). */
  onNotificationOpened?: (open: (target?: NotificationTarget) => void) => () => void;
}

/** What a tapped notification opens: a receipt (its daily-report reminder), or by default the exposure warning. */
export interface NotificationTarget {
  receipt: string;
}

/** The app around its screens: language, app state, navigation, and what runs while it is open. */
export function AppRoot({ services, i18n, initial, demo, onNotificationOpened }: AppRootProps) {
  useEffect(
    () =>
      onNotificationOpened?.((target) => {
        if (!navigationRef.isReady()) return;
        if (target) navigationRef.navigate('DeclarationReceipt', { receipt: target.receipt });
        else navigationRef.navigate('ExposureWarning');
      }),
    [onNotificationOpened],
  );
  return (
    <SafeAreaProvider>
      <I18nextProvider i18n={i18n}>
        <AppProvider services={services} i18n={i18n} initial={initial} demo={demo}>
          <NavigationContainer ref={navigationRef} linking={linking} documentTitle={{ enabled: false }}>
            <AppNavigator />
            <AppLifecycle />
          </NavigationContainer>
        </AppProvider>
      </I18nextProvider>
    </SafeAreaProvider>
  );
}
