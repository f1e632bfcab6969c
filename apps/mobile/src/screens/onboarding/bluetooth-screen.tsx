import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Platform } from 'react-native';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';

/** The Bluetooth permission, with its reason, asked only when the user presses the button. */
export function BluetoothScreen({ navigation }: ScreenProps<'BluetoothPermission'>) {
  const { t } = useTranslation();
  const { services } = useApp();
  const [denied, setDenied] = useState(false);
  const [busy, setBusy] = useState(false);
  const allow = async () => {
    setBusy(true);
    const state = await services.platform.permissions.requestBluetooth().finally(() => setBusy(false));
    if (state === 'granted') navigation.navigate('NotificationPermission');
    else setDenied(true);
  };
  return (
    <Screen testID="bluetooth-screen">
      <Title>{t('onboarding.bluetoothTitle')}</Title>
      <Body>{t('onboarding.bluetoothBody')}</Body>
      {Platform.OS === 'android' && Number(Platform.Version) < 31 ? <Body muted>{t('onboarding.bluetoothOldAndroid')}</Body> : null}
      {denied ? (
        <Card tone="warn">
          <Body>{t('onboarding.bluetoothDenied')}</Body>
        </Card>
      ) : null}
      <Button testID="allow-bluetooth" label={t('onboarding.bluetoothAllow')} busy={busy} onPress={() => void allow()} />
      <Button label={t('common.later')} variant="secondary" onPress={() => navigation.navigate('NotificationPermission')} />
    </Screen>
  );
}
