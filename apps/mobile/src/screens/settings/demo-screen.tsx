import { DEFAULT_PROXIMITY_CALIBRATION, proximityAttenuation, proximityRuleDistance } from '@bluezone/protocol';
import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { StyleSheet, Switch, Text, View } from 'react-native';
import { formatTime } from '../../i18n';
import { useApp } from '../../root/app-model';
import { ChoiceRow } from '../../ui/choice-row';
import { Screen } from '../../ui/screen';
import { Body, Heading, Title } from '../../ui/text';
import { colors, space } from '../../ui/theme';

const RSSI_CHOICES = [
  { rssi: -70, label: 'near' },
  { rssi: -95, label: 'far' },
] as const;
const SPEEDS = [1, 10, 60] as const;

/** The web demo's switches: this tab's simulated Bluetooth and signal strength, and the shared clock speed. */
export function DemoScreen() {
  const { t } = useTranslation();
  const { demo, services } = useApp();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => demo?.subscribe(rerender), [demo]);
  useEffect(() => {
    const timer = setInterval(rerender, 1000);
    return () => clearInterval(timer);
  }, []);
  if (!demo) return null;
  // The distance shown is the proximity rule's estimate for two phones of the default calibration.
  const distance = (rssi: number) =>
    proximityRuleDistance(Math.max(0, proximityAttenuation(rssi, DEFAULT_PROXIMITY_CALIBRATION.txPowerDbm, DEFAULT_PROXIMITY_CALIBRATION.rssiCorrectionDb))).toFixed(1);
  const rssi = demo.rssi();
  const speed = demo.clockSettings().speed;
  return (
    <Screen testID="demo-screen">
      <Title>{t('demo.title')}</Title>
      <Body>{t('demo.intro')}</Body>
      <Body muted testID="demo-phone">
        {t('demo.phone', { id: demo.phoneId })}
      </Body>
      <View style={styles.switchRow}>
        <Text style={styles.switchLabel}>{t('demo.bluetooth')}</Text>
        <Switch
          testID="demo-bluetooth"
          accessibilityLabel={t('demo.bluetooth')}
          value={demo.bluetoothOn()}
          onValueChange={(on) => {
            demo.setBluetoothOn(on);
            void services.tracing.refresh();
          }}
        />
      </View>
      <Heading>{t('demo.rssi', { rssi, distance: distance(rssi) })}</Heading>
      {RSSI_CHOICES.map((c) => (
        <ChoiceRow key={c.rssi} kind="radio" testID={`demo-rssi-${-c.rssi}`} label={`${t(`demo.${c.label}`)} (${c.rssi} dBm)`} selected={rssi === c.rssi} onPress={() => demo.setRssi(c.rssi)} />
      ))}
      <Heading>{t('demo.speed')}</Heading>
      {SPEEDS.map((s) => (
        <ChoiceRow key={s} kind="radio" testID={`demo-speed-${s}`} label={`${s}×`} selected={speed === s} onPress={() => demo.setSpeed(s)} />
      ))}
      <Body muted>{t('demo.speedHint')}</Body>
      <Body testID="demo-clock">{t('demo.clock', { time: formatTime(demo.now()) })}</Body>
    </Screen>
  );
}

const styles = StyleSheet.create({
  switchRow: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', minHeight: 48, marginTop: space.s },
  switchLabel: { fontSize: 18, fontWeight: '700', color: colors.text, flex: 1 },
});
