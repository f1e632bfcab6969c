import type { BottomTabScreenProps } from '@react-navigation/bottom-tabs';
import type { CompositeScreenProps } from '@react-navigation/native';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatTime } from '../../i18n';
import { useApp } from '../../root/app-model';
import type { RootStackParamList, TabParamList } from '../../root/routes';
import { utcDay } from '../../platform/clock';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Screen } from '../../ui/screen';
import { Body } from '../../ui/text';
import { TracingCard } from './tracing-card';

type Props = CompositeScreenProps<BottomTabScreenProps<TabParamList, 'Home'>, NativeStackScreenProps<RootStackParamList>>;

/** Tracing on or off and why, when exposures were last checked, and the exposure status. */
export function HomeScreen({ navigation }: Props) {
  const { t } = useTranslation();
  const { services, exposure, lastCheck, checking, runCheck, pendingUpload, published } = useApp();
  const [receipts, setReceipts] = useState(0);
  const countReceipts = useCallback(async () => setReceipts((await services.declarations.receipts()).length), [services]);
  // Back from a declaration (or from deleting a receipt), the count is read again.
  useEffect(() => navigation.addListener('focus', () => void countReceipts()), [navigation, countReceipts]);
  const checkError = lastCheck && !lastCheck.ok ? reasonText(t, lastCheck.error) : undefined;
  return (
    <Screen testID="home-screen">
      {exposure.level === 'high' && exposure.day ? (
        <Card testID="status-high" tone="danger" title={t('home.statusHighTitle')}>
          <Body>{t('home.statusHighBody', { date: formatDay(exposure.day, t) })}</Body>
          <Button testID="open-warning" variant="danger" label={t('home.statusHighAction')} onPress={() => navigation.navigate('ExposureWarning')} />
        </Card>
      ) : exposure.level === 'low' && exposure.day ? (
        <Card testID="status-low" tone="warn" title={t('home.statusLowTitle', { date: formatDay(exposure.day, t) })}>
          <Body>{t('home.statusLowBody')}</Body>
        </Card>
      ) : (
        <Card testID="status-none" tone="ok" title={t('home.statusNoneTitle')}>
          <Body>{t('home.statusNoneBody')}</Body>
        </Card>
      )}

      <TracingCard />

      <Card>
        <Body testID="last-check" muted>
          {lastCheck ? t('home.lastCheck', { time: formatTime(lastCheck.at) }) : t('home.neverChecked')}
        </Body>
        {checkError ? <Body>{t('home.lastCheckFailed', { reason: checkError })}</Body> : null}
        <Button testID="check-now" variant="secondary" label={checking ? t('home.checking') : t('home.checkNow')} busy={checking} onPress={() => void runCheck()} />
      </Card>

      {pendingUpload ? (
        <Card tone="warn">
          <Body>{t('home.pendingUpload')}</Body>
          <Button testID="resume-upload" label={t('home.pendingUploadAction')} onPress={() => navigation.navigate('UploadCode')} />
        </Card>
      ) : null}
      {published ? <Body muted>{t('home.published', { date: formatDay(utcDay(published.publishedAt / 1000), t) })}</Body> : null}
      <Button testID="home-declare" variant="secondary" label={t('home.declare')} onPress={() => navigation.navigate('Declaration')} />
      {receipts > 0 ? <Button testID="home-declarations" variant="secondary" label={t('home.myDeclarations', { count: receipts })} onPress={() => navigation.navigate('Declarations')} /> : null}
      <Button testID="tested-positive" variant="secondary" label={t('home.positive')} onPress={() => navigation.navigate('UploadCode')} />
    </Screen>
  );
}

function reasonText(t: (key: string, options?: Record<string, unknown>) => string, code: string | undefined): string {
  const known = ['network_error', 'export_signature_invalid', 'export_signature_missing', 'export_keys_replaced'];
  return code && known.includes(code) ? t(`checkError.${code}`) : t('checkError.other', { code: code ?? '?' });
}
