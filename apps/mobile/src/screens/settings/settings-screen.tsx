import type { BottomTabScreenProps } from '@react-navigation/bottom-tabs';
import type { CompositeScreenProps } from '@react-navigation/native';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import Constants from 'expo-constants';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StyleSheet, Switch, Text, View } from 'react-native';
import { useApp } from '../../root/app-model';
import type { RootStackParamList, TabParamList } from '../../root/routes';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ChoiceRow } from '../../ui/choice-row';
import { Screen } from '../../ui/screen';
import { Body, Heading } from '../../ui/text';
import { colors, space } from '../../ui/theme';

type Props = CompositeScreenProps<BottomTabScreenProps<TabParamList, 'Settings'>, NativeStackScreenProps<RootStackParamList>>;

/** Language, pause, delete all my data, privacy notice, licences, version; and the demo switches in the browser. */
export function SettingsScreen({ navigation }: Props) {
  const { t } = useTranslation();
  const { services, language, setLanguage, paused, setPaused, deleteAll, demo } = useApp();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await deleteAll();
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <Screen testID="settings-screen">
      <Heading>{t('settings.language')}</Heading>
      <ChoiceRow kind="radio" testID="language-vi" label={t('settings.vi')} selected={language === 'vi'} onPress={() => void setLanguage('vi')} />
      <ChoiceRow kind="radio" testID="language-en" label={t('settings.en')} selected={language === 'en'} onPress={() => void setLanguage('en')} />

      <View style={styles.switchRow}>
        <Text nativeID="pause-label" style={styles.switchLabel}>
          {t('settings.pause')}
        </Text>
        <Switch testID="pause-switch" accessibilityLabel={t('settings.pause')} value={paused} onValueChange={(value) => void setPaused(value)} />
      </View>
      <Body muted>{t('settings.pauseHint')}</Body>

      <Heading>{t('settings.delete')}</Heading>
      <Body muted>{t('settings.deleteHint')}</Body>
      {confirming ? (
        <Card tone="danger">
          <Button testID="delete-confirm" variant="danger" label={t('settings.deleteConfirm')} busy={busy} onPress={() => void remove()} />
          <Button variant="secondary" label={t('common.cancel')} onPress={() => setConfirming(false)} />
        </Card>
      ) : (
        <Button testID="delete-data" variant="secondary" label={t('settings.delete')} onPress={() => setConfirming(true)} />
      )}

      <Heading>{t('declaration.title')}</Heading>
      <Button testID="settings-declarations" variant="secondary" label={t('settings.declarations')} onPress={() => navigation.navigate('Declarations')} />

      <Heading>{t('privacy.title')}</Heading>
      <Button variant="secondary" label={t('settings.privacy')} onPress={() => navigation.navigate('Privacy')} />
      <Button variant="secondary" label={t('settings.licences')} onPress={() => navigation.navigate('Licences')} />
      {demo ? <Button testID="open-demo" variant="secondary" label={t('settings.demo')} onPress={() => navigation.navigate('Demo')} /> : null}
      <Body muted testID="app-version">
        {t('settings.version', { version: Constants.expoConfig?.version ?? '?', config: services.config.current().version })}
      </Body>
    </Screen>
  );
}

const styles = StyleSheet.create({
  switchRow: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', minHeight: 48, marginTop: space.m },
  switchLabel: { fontSize: 18, fontWeight: '700', color: colors.text, flex: 1 },
});
