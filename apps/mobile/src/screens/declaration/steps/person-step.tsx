import { GENDERS, type DeclarationKind } from '@bluezone/contract';
import { useTranslation } from 'react-i18next';
import { View } from 'react-native';
import { ChoiceRow } from '../../../ui/choice-row';
import { FieldError, GroupLabel } from '../../../ui/text-field';
import { DraftText, styles } from './draft-fields';
import type { StepProps } from './step-props';

/** Step 1: the kind of declaration, who declares, and the person declared. */
export function PersonStep(props: StepProps) {
  const { t } = useTranslation();
  const { draft, edit, errorOf } = props;
  const fields = { draft, edit, errorOf };
  // Declaring for someone else: the phone's own name, number and e-mail are not theirs, so no autofill.
  const own = (kind: 'name' | 'tel' | 'email') => (draft.onBehalf ? 'off' : kind);
  return (
    <>
      <View style={styles.group}>
        <GroupLabel label={t('declaration.kind')} />
        {(['domestic', 'entry'] as DeclarationKind[]).map((kind) => (
          <ChoiceRow key={kind} kind="radio" testID={`kind-${kind}`} label={t(`declaration.kinds.${kind}`)} selected={draft.kind === kind} onPress={() => edit('kind', kind)} />
        ))}
      </View>
      <ChoiceRow kind="checkbox" testID="on-behalf" label={t('declaration.onBehalf')} selected={draft.onBehalf} onPress={() => edit('onBehalf', !draft.onBehalf)} />
      {draft.onBehalf ? (
        <View style={styles.nested}>
          <DraftText {...fields} path="declaredBy.fullName" field="byName" label={t('declaration.declaredByName')} autoComplete="name" maxLength={200} />
          <DraftText {...fields} path="declaredBy.phone" field="byPhone" label={t('declaration.declaredByPhone')} keyboardType="phone-pad" autoComplete="tel" maxLength={20} />
          <DraftText {...fields} path="declaredBy.relationship" field="relationship" label={t('declaration.relationship')} hint={t('declaration.relationshipHint')} maxLength={50} />
        </View>
      ) : null}
      <DraftText {...fields} path="fullName" field="fullName" label={t('declaration.fullName')} autoComplete={own('name')} maxLength={200} />
      <DraftText {...fields} path="yearOfBirth" field="yearOfBirth" label={t('declaration.yearOfBirth')} keyboardType="number-pad" maxLength={4} />
      <View style={styles.group}>
        <GroupLabel id="field-gender" label={t('declaration.gender')} />
        {GENDERS.map((gender) => (
          <ChoiceRow key={gender} kind="radio" testID={`gender-${gender}`} label={t(`declaration.genders.${gender}`)} selected={draft.gender === gender} onPress={() => edit('gender', gender, 'gender')} />
        ))}
        {errorOf('gender') ? <FieldError id="field-gender">{errorOf('gender')}</FieldError> : null}
      </View>
      <DraftText {...fields} path="nationality" field="nationality" label={t('declaration.nationality')} optional maxLength={100} />
      <DraftText {...fields} path="idNumber" field="idNumber" label={t('declaration.idNumber')} optional autoComplete="off" maxLength={20} />
      <DraftText {...fields} path="phone" field="phone" label={t('declaration.phone')} hint={t('declaration.phoneHint')} keyboardType="phone-pad" autoComplete={own('tel')} maxLength={20} />
      <DraftText {...fields} path="email" field="email" label={t('declaration.email')} optional keyboardType="email-address" autoComplete={own('email')} maxLength={254} />
    </>
  );
}
