import type { AssessmentReason } from '@bluezone/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Linking, StyleSheet, Text, View } from 'react-native';
import QRCode from 'react-native-qrcode-svg';
import type { StoredReceipt } from '../../declaration/declaration-service';
import { formatDay, formatTime } from '../../i18n';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Screen } from '../../ui/screen';
import { Body, Bullets, Heading, Title } from '../../ui/text';
import { SelfReportCard } from './self-report-card';
import { colors, radius, space } from '../../ui/theme';

/**
 * A receipt kept on the phone: the code large, its QR code (the console's checkpoint page for it, as on the web
 * receipt), how long it holds, what screening found and what to do, the health station's telephone; and a way to
 * delete it from the phone.
 */
export function DeclarationReceiptScreen({ navigation, route }: ScreenProps<'DeclarationReceipt'>) {
  const { t } = useTranslation();
  const { services, language } = useApp();
  const { declarations, platform } = services;
  const [stored, setStored] = useState<StoredReceipt | null>();
  const [confirming, setConfirming] = useState(false);
  const code = route.params.receipt;

  useEffect(() => {
    let live = true;
    void declarations.receipt(code).then((found) => {
      if (live) setStored(found ?? null);
    });
    return () => {
      live = false;
    };
  }, [declarations, code]);

  if (stored === undefined) {
    return (
      <Screen testID="receipt-screen">
        <Body muted>{t('common.loading')}</Body>
      </Screen>
    );
  }
  if (stored === null) {
    return (
      <Screen testID="receipt-screen">
        <Body>{t('declaration.receipt.gone')}</Body>
      </Screen>
    );
  }

  const { answer } = stored;
  const { assessment, healthStation } = answer;
  const unit = unitName(healthStation, language);
  const expiresAt = Date.parse(answer.receiptExpiresAt);
  const expired = expiresAt <= platform.clock.now();
  const verdict = assessment.suspected
    ? t('declaration.receipt.suspected')
    : assessment.arrivalFromEpidemicArea && assessment.monitoringUntil
      ? t('declaration.receipt.arrival', { date: formatDay(assessment.monitoringUntil, t) })
      : t('declaration.receipt.clear');
  const call = () => void Linking.openURL(`tel:${(healthStation.phone ?? '').replace(/[^\d+]/g, '')}`);
  const remove = async () => {
    await declarations.remove(stored.receipt);
    if (navigation.canGoBack()) navigation.goBack();
    else navigation.replace('Declarations');
  };

  return (
    <Screen testID="receipt-screen">
      <Title>{t('declaration.receipt.title')}</Title>
      <Card tone={expired ? 'warn' : 'ok'}>
        <Text style={styles.label}>{t('declaration.receipt.code')}</Text>
        <Text testID="receipt-code" selectable style={styles.code}>
          {stored.receipt}
        </Text>
        <View testID="receipt-qr" accessible accessibilityRole="image" accessibilityLabel={t('declaration.receipt.qrLabel', { code: stored.receipt })} style={styles.qr}>
          <QRCode value={declarations.qrContent(stored.receipt)} size={200} ecl="M" quietZone={8} />
        </View>
        {/* Who it is for, not when: the validity below is the server's time, which the phone's clock need not match. */}
        <Body>{t('declaration.receipt.forWhom', { name: stored.fullName })}</Body>
        <Body testID="receipt-validity">{expired ? t('declaration.receipt.expired', { time: formatTime(expiresAt) }) : t('declaration.receipt.validUntil', { time: formatTime(expiresAt) })}</Body>
        <Body muted>{t('declaration.receipt.show')}</Body>
      </Card>

      <Card tone={assessment.suspected ? 'danger' : assessment.arrivalFromEpidemicArea ? 'warn' : 'neutral'}>
        <Text testID="receipt-verdict" style={styles.verdict}>
          {verdict}
        </Text>
        {assessment.reasons.length > 0 ? (
          <>
            <Heading>{t('declaration.receipt.why')}</Heading>
            <Bullets items={assessment.reasons.map((reason) => reasonText(t, reason as AssessmentReason))} />
          </>
        ) : null}
        <Heading>{t('declaration.receipt.next')}</Heading>
        <Bullets items={answer.nextSteps.map((step) => t(`declaration.nextSteps.${step}`))} />
        <Heading>{t('declaration.receipt.station', { unit })}</Heading>
        {healthStation.phone ? (
          <Button testID="receipt-call" label={t('declaration.receipt.call', { phone: healthStation.phone })} onPress={call} />
        ) : (
          <Body>{t('declaration.receipt.noPhone', { unit })}</Body>
        )}
      </Card>

      {declarations.reportsDaily(stored) ? <SelfReportCard stored={stored} declarations={declarations} /> : null}

      {route.params.fresh ? <Button testID="receipt-done" label={t('declaration.receipt.done')} onPress={() => navigation.navigate('Main', { screen: 'Home' })} /> : null}
      <Body muted>{t('declaration.receipt.removeHint')}</Body>
      {confirming ? (
        <Card tone="danger">
          <Button testID="receipt-remove-confirm" variant="danger" label={t('declaration.receipt.removeConfirm')} onPress={() => void remove()} />
          <Button variant="secondary" label={t('common.cancel')} onPress={() => setConfirming(false)} />
        </Card>
      ) : (
        <Button testID="receipt-remove" variant="secondary" label={t('declaration.receipt.remove')} onPress={() => setConfirming(true)} />
      )}
    </Screen>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The station's unit in the reader's language, lower-cased after "Trạm y tế" as Vietnamese writes it ("Trạm y tế xã Đồng Đăng"). */
function unitName(station: { unitName: string; unitNameEn: string }, language: string): string {
  if (language === 'en') return station.unitNameEn;
  return station.unitName.charAt(0).toLowerCase() + station.unitName.slice(1);
}

/** Why screening flagged the declaration, in the app's language (the same wording as the console's receipt). */
function reasonText(t: Translate, reason: AssessmentReason): string {
  const day = (value: string) => formatDay(value, t as never);
  switch (reason.code) {
    case 'symptoms':
      return t('declaration.reasons.symptoms', { symptoms: reason.symptoms.map((s) => t(`declaration.symptomNames.${s}`)).join(', ') });
    case 'epidemic_area':
      return t('declaration.reasons.epidemic_area', { area: reason.areaName, from: day(reason.from), to: day(reason.to) });
    case 'monitoring_check':
      return t('declaration.reasons.monitoring_check', { day: day(reason.day) });
    default:
      return t(`declaration.reasons.${reason.code}`);
  }
}

const styles = StyleSheet.create({
  label: { fontSize: 14, color: colors.muted, textAlign: 'center' },
  code: { fontSize: 32, lineHeight: 40, fontWeight: '700', letterSpacing: 2, color: colors.text, textAlign: 'center', marginBottom: space.s },
  qr: { alignSelf: 'center', padding: space.s, backgroundColor: '#ffffff', borderRadius: radius, marginBottom: space.m },
  verdict: { fontSize: 18, lineHeight: 24, fontWeight: '700', color: colors.text, marginBottom: space.s },
});
