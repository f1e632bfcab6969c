import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../i18n';
import { utcDay } from '../../platform/clock';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { Button } from '../../ui/button';
import { ChoiceRow } from '../../ui/choice-row';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';

type Choice = { day: string } | 'none' | 'unknown';

/** The day symptoms began (optional): the last 15 days as rows, so no date picker is needed. */
export function OnsetScreen({ navigation, route }: ScreenProps<'UploadOnset'>) {
  const { t } = useTranslation();
  const { services } = useApp();
  const { symptomDate, rollingStartNumbers, testType } = route.params;
  const now = services.platform.clock.now() / 1000;
  const days = Array.from({ length: 15 }, (_, i) => utcDay(now - i * 86_400));
  const [choice, setChoice] = useState<Choice>(symptomDate && days.includes(symptomDate) ? { day: symptomDate } : 'unknown');
  const submit = () =>
    navigation.replace('UploadResult', { rollingStartNumbers, testType, symptomOnsetDay: typeof choice === 'object' ? choice.day : null });
  return (
    <Screen testID="onset-screen">
      <Title>{t('upload.onsetTitle')}</Title>
      <Body>{t('upload.onsetIntro')}</Body>
      {symptomDate ? <Body muted>{t('upload.onsetFromOfficer', { date: formatDay(symptomDate, t) })}</Body> : null}
      <ChoiceRow kind="radio" testID="onset-unknown" label={t('upload.onsetUnknown')} selected={choice === 'unknown'} onPress={() => setChoice('unknown')} />
      <ChoiceRow kind="radio" testID="onset-none" label={t('upload.onsetNone')} selected={choice === 'none'} onPress={() => setChoice('none')} />
      {days.map((day) => (
        <ChoiceRow key={day} kind="radio" testID={`onset-${day}`} label={formatDay(day, t)} selected={typeof choice === 'object' && choice.day === day} onPress={() => setChoice({ day })} />
      ))}
      <Button testID="upload-submit" label={t('upload.submit')} onPress={submit} />
    </Screen>
  );
}
