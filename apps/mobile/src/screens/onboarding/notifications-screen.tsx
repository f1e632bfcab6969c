import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';

/** The notification permission, with its reason; then tracing starts and the home screen opens. */
export function NotificationsScreen(_props: ScreenProps<'NotificationPermission'>) {
  const { t } = useTranslation();
  const { services, completeOnboarding } = useApp();
  const [busy, setBusy] = useState(false);
  const finish = async (ask: boolean) => {
    setBusy(true);
    try {
      if (ask) await services.platform.permissions.requestNotifications();
      await completeOnboarding();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Screen testID="notifications-screen">
      <Title>{t('onboarding.notificationsTitle')}</Title>
      <Body>{t('onboarding.notificationsBody')}</Body>
      <Button testID="allow-notifications" label={t('onboarding.notificationsAllow')} busy={busy} onPress={() => void finish(true)} />
      <Button label={t('common.later')} variant="secondary" disabled={busy} onPress={() => void finish(false)} />
    </Screen>
  );
}
