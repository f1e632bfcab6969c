import { SYMPTOMS } from '@bluezone/contract';
import { useTranslation } from 'react-i18next';
import { View } from 'react-native';
import { ChoiceRow } from '../../../ui/choice-row';
import { Heading } from '../../../ui/text';
import { FieldError, GroupLabel } from '../../../ui/text-field';
import { DraftText, YesNoQuestion, styles } from './draft-fields';
import type { StepProps } from './step-props';

/** Step 4: symptoms, contacts, whether Bluezone warned the person, chronic conditions. */
export function HealthStep({ draft, edit, errorOf, warned }: StepProps & { warned: boolean }) {
  const { t } = useTranslation();
  const fields = { draft, edit, errorOf };
  // Ticked symptoms stay in the contract's order, whatever order they were tapped in.
  const toggle = (symptom: (typeof SYMPTOMS)[number]) =>
    draft.symptoms.includes(symptom) ? draft.symptoms.filter((s) => s !== symptom) : SYMPTOMS.filter((s) => s === symptom || draft.symptoms.includes(s));
  return (
    <>
      <View style={styles.group}>
        <GroupLabel id="field-symptoms" label={t('declaration.symptoms')} hint={t('declaration.symptomsHint')} />
        {SYMPTOMS.map((symptom) => (
          <ChoiceRow key={symptom} kind="checkbox" testID={`symptom-${symptom}`} label={t(`declaration.symptomNames.${symptom}`)} selected={draft.symptoms.includes(symptom)} onPress={() => edit('symptoms', toggle(symptom), 'symptoms')} />
        ))}
        {errorOf('symptoms') ? <FieldError id="field-symptoms">{errorOf('symptoms')}</FieldError> : null}
      </View>
      {draft.symptoms.includes('other') ? <DraftText {...fields} path="otherSymptom" field="otherSymptom" label={t('declaration.otherSymptom')} maxLength={200} /> : null}
      <Heading>{t('declaration.contacts')}</Heading>
      <YesNoQuestion {...fields} path="contacts.confirmedOrSuspectedCase" field="contactCase" label={t('declaration.contactCase')} />
      <YesNoQuestion {...fields} path="contacts.fromEpidemicArea" field="contactArrival" label={t('declaration.contactArrival')} />
      <YesNoQuestion {...fields} path="contacts.feverOrCough" field="contactFever" label={t('declaration.contactFever')} />
      <View style={styles.group}>
        <GroupLabel id="field-warnedByApp" label={t('declaration.warnedByApp')} hint={warned ? t('declaration.warnedFromWarning') : undefined} />
        {(['yes', 'no', 'unknown'] as const).map((value) => (
          <ChoiceRow key={value} kind="radio" testID={`warned-${value}`} label={t(value === 'unknown' ? 'declaration.warnedUnknown' : `declaration.${value}`)} selected={draft.warnedByApp === value} onPress={() => edit('warnedByApp', value, 'warnedByApp')} />
        ))}
        {errorOf('warnedByApp') ? <FieldError id="field-warnedByApp">{errorOf('warnedByApp')}</FieldError> : null}
      </View>
      <DraftText {...fields} path="chronicConditions" field="chronicConditions" label={t('declaration.chronicConditions')} optional hint={t('declaration.chronicHint')} multiline maxLength={500} />
    </>
  );
}
