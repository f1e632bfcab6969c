import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../i18n';
import { utcDay } from '../../platform/clock';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import type { ShareableDay } from '../../upload/upload-flow';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ChoiceRow } from '../../ui/choice-row';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';

/**
 * Consent: the days whose keys would be shared, each one the user can untick. Nothing has left the phone yet,
 * except the code. A negative test instead lists nothing new: it withdraws what was shared.
 */
export function ConsentScreen({ navigation, route }: ScreenProps<'UploadConsent'>) {
  const { t } = useTranslation();
  const { services, refreshUpload } = useApp();
  const { testType, symptomDate } = route.params;
  const [days, setDays] = useState<ShareableDay[]>();
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  useEffect(() => {
    void services.upload.shareableDays().then((list) => {
      setDays(list);
      setChosen(new Set(list.filter((d) => !d.alreadyShared).map((d) => d.rollingStartNumber)));
    });
  }, [services]);
  const negative = testType === 'negative';
  const today = utcDay(services.platform.clock.now() / 1000);
  const toggle = (start: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(start)) next.delete(start);
      else next.add(start);
      return next;
    });
  const decline = async () => {
    await services.upload.cancel();
    await refreshUpload();
    navigation.popToTop();
  };
  const agree = () => {
    const starts = [...chosen];
    if (negative) navigation.replace('UploadResult', { rollingStartNumbers: [], symptomOnsetDay: null, testType });
    else navigation.navigate('UploadOnset', { testType, symptomDate, rollingStartNumbers: starts });
  };
  const shared = days?.filter((d) => d.alreadyShared) ?? [];
  return (
    <Screen testID="consent-screen">
      <Title>{t('upload.consentTitle')}</Title>
      <Body>{negative ? t('upload.consentNegative') : t('upload.consentIntro')}</Body>
      {!negative && shared.length > 0 ? <Body muted>{t('upload.consentRevision')}</Body> : null}
      {days?.map((d) => {
        const fixed = negative || d.alreadyShared;
        const note = d.alreadyShared ? t('upload.alreadyShared') : d.day === today ? t('upload.today') : undefined;
        return (
          <ChoiceRow
            key={d.rollingStartNumber}
            testID={`day-${d.day}`}
            kind="checkbox"
            label={formatDay(d.day, t)}
            note={note}
            selected={fixed ? d.alreadyShared : chosen.has(d.rollingStartNumber)}
            disabled={fixed}
            onPress={() => toggle(d.rollingStartNumber)}
          />
        );
      })}
      {days && days.length === 0 ? (
        <Card tone="warn">
          <Body>{t('upload.error_nothing_to_share')}</Body>
        </Card>
      ) : null}
      <Button testID="consent-agree" label={t('upload.consentAgree')} disabled={!days || (!negative && chosen.size === 0 && shared.length === 0)} onPress={agree} />
      <Button testID="consent-decline" variant="secondary" label={t('upload.consentDecline')} onPress={() => void decline()} />
    </Screen>
  );
}
