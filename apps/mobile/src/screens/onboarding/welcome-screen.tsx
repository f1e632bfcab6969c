import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../root/routes';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { LanguageSwitch } from '../../ui/language-switch';
import { Screen } from '../../ui/screen';
import { Body, Bullets, Title } from '../../ui/text';

/** What the app does and does not do, before it asks for anything. */
export function WelcomeScreen({ navigation }: ScreenProps<'Welcome'>) {
  const { t } = useTranslation();
  return (
    <Screen testID="welcome-screen">
      <LanguageSwitch />
      <Title>{t('onboarding.welcomeTitle')}</Title>
      <Body>{t('onboarding.welcomeIntro')}</Body>
      <Card title={t('onboarding.doesTitle')} tone="ok">
        <Bullets items={[t('onboarding.does1'), t('onboarding.does2'), t('onboarding.does3')]} />
      </Card>
      <Card title={t('onboarding.doesNotTitle')}>
        <Bullets items={[t('onboarding.doesNot1'), t('onboarding.doesNot2'), t('onboarding.doesNot3')]} />
      </Card>
      <Button testID="welcome-continue" label={t('common.continue')} onPress={() => navigation.navigate('BluetoothPermission')} />
    </Screen>
  );
}
