import { useEffect, useState } from 'react';
import { ActivityIndicator, StyleSheet, View } from 'react-native';
import { colors } from '../ui/theme';
import { AppRoot } from './app-root';
import { boot, type Booted } from './boot';
import { createPlatform, type PlatformExtras } from './create-platform';

/** The app: builds this platform's side effects (phone or web demo), boots, then draws the screens. */
export default function App() {
  const [ready, setReady] = useState<Booted & PlatformExtras>();
  const [failure, setFailure] = useState<Error>();
  useEffect(() => {
    let cancelled = false;
    void createPlatform()
      .then(async ({ platform, extras }) => {
        const booted = await boot(platform, extras.setTranslator);
        await extras.attach?.(booted.services);
        return { ...booted, ...extras };
      })
      .then((booted) => !cancelled && setReady(booted))
      .catch((error: Error) => setFailure(error));
    return () => {
      cancelled = true;
    };
  }, []);
  if (failure) throw failure;
  if (!ready) {
    return (
      <View style={styles.splash}>
        <ActivityIndicator size="large" color={colors.primary} />
      </View>
    );
  }
  return <AppRoot services={ready.services} i18n={ready.i18n} initial={ready.initial} demo={ready.demo} onNotificationOpened={ready.onNotificationOpened} />;
}

const styles = StyleSheet.create({ splash: { flex: 1, alignItems: 'center', justifyContent: 'center', backgroundColor: colors.background } });
