import { useTranslation } from 'react-i18next';
import { useApp } from '../../root/app-model';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Body } from '../../ui/text';

/** Whether tracing runs; if not, why, and the one action that fixes it where the app can offer one. */
export function TracingCard() {
  const { t } = useTranslation();
  const { tracing, services, setPaused } = useApp();
  const refresh = () => void services.tracing.refresh();
  const warnings = tracing.warnings.map((w) => (
    <Body key={w} testID={`warning-${w}`}>
      {t(`home.warning_${w}`)}
    </Body>
  ));
  if (tracing.active) {
    return (
      <Card testID="tracing-on" tone={tracing.warnings.length > 0 ? 'warn' : 'ok'} title={t('home.tracingOn')}>
        <Body>{t('home.tracingOnBody')}</Body>
        {warnings}
        {tracing.warnings.includes('notifications_off') ? (
          <Button variant="secondary" label={t('home.allowNotifications')} onPress={() => void services.platform.permissions.requestNotifications().then(refresh)} />
        ) : null}
      </Card>
    );
  }
  const blocker = tracing.blockers[0];
  return (
    <Card testID="tracing-off" tone="warn" title={t('home.tracingOff')}>
      {blocker ? <Body testID={`blocker-${blocker}`}>{t(`home.blocker_${blocker}`)}</Body> : null}
      {warnings}
      {blocker === 'paused' ? <Button testID="resume-tracing" label={t('home.resume')} onPress={() => void setPaused(false)} /> : null}
      {blocker === 'bluetooth_permission' ? (
        <Button testID="grant-bluetooth" label={t('home.allowBluetooth')} onPress={() => void services.platform.permissions.requestBluetooth().then(refresh)} />
      ) : null}
    </Card>
  );
}
