import { useTranslation } from 'react-i18next';
import { Linking } from 'react-native';
import { formatDay } from '../../i18n';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Screen } from '../../ui/screen';
import { Body, Bullets, Heading, Title } from '../../ui/text';

/**
 * The warning: the day of the contact (never the time, nor which key), what to do now in plain words, and a way
 * to act: a call, and the health declaration in the app with "warned by Bluezone" ticked.
 */
export function ExposureWarningScreen({ navigation }: ScreenProps<'ExposureWarning'>) {
  const { t } = useTranslation();
  const { exposure } = useApp();
  return (
    <Screen testID="exposure-warning-screen">
      <Title>{t('exposure.title')}</Title>
      {exposure.day ? (
        <Card tone="danger">
          <Body testID="exposure-date">{t('exposure.date', { date: formatDay(exposure.day, t) })}</Body>
        </Card>
      ) : null}
      <Heading>{t('exposure.whatNow')}</Heading>
      <Bullets numbered items={[t('exposure.step1'), t('exposure.step2'), t('exposure.step3'), t('exposure.step4')]} />
      <Button testID="call-hotline" label={t('exposure.call')} onPress={() => void Linking.openURL('tel:19009095')} />
      <Button testID="warning-declare" variant="secondary" label={t('exposure.declare')} onPress={() => navigation.navigate('Declaration', { warned: true })} />
      <Body muted>{t('exposure.privacy')}</Body>
    </Screen>
  );
}
