import { MAX_VISITS } from '@bluezone/contract';
import { useTranslation } from 'react-i18next';
import { View } from 'react-native';
import type { VisitDraft } from '../../../declaration/declaration-draft';
import { Button } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { ChoiceRow } from '../../../ui/choice-row';
import { GroupLabel, TextField } from '../../../ui/text-field';
import { PlacePicker } from '../place-picker';
import { styles } from './draft-fields';
import type { StepProps } from './step-props';

interface VisitsStepProps extends Pick<StepProps, 'draft' | 'errorOf' | 'search'> {
  /** Changes the i-th visit; `path` clears that field's problem. */
  editVisit: (index: number, changes: Partial<VisitDraft>, path?: string) => void;
  addVisit: () => void;
  removeVisit: (index: number) => void;
}

/** Step 3: the places visited in the last 14 days, in Vietnam (picked from the unit list) or abroad (named). */
export function VisitsStep({ draft, errorOf, search, editVisit, addVisit, removeVisit }: VisitsStepProps) {
  const { t } = useTranslation();
  return (
    <>
      <GroupLabel label={t('declaration.visits')} hint={t('declaration.visitsHint')} />
      {draft.visits.map((visit, i) => (
        <Card key={visit.key} title={t('declaration.visitN', { n: i + 1 })}>
          <View style={styles.pair}>
            {(['vietnam', 'abroad'] as const).map((where) => (
              <View key={where} style={styles.half}>
                <ChoiceRow kind="radio" testID={`visit-${i}-${where}`} label={t(where === 'vietnam' ? 'declaration.visitVietnam' : 'declaration.visitAbroad')} selected={visit.where === where} onPress={() => editVisit(i, { where })} />
              </View>
            ))}
          </View>
          {visit.where === 'vietnam' ? (
            <PlacePicker
              id={`field-visits.${i}.unitCode`}
              label={t('declaration.visitUnit')}
              hint={t('declaration.unitHint')}
              error={errorOf(`visits.${i}.unitCode`)}
              value={visit.place}
              onChange={(chosen) => editVisit(i, { place: chosen }, `visits.${i}.unitCode`)}
              scope="country"
              search={search}
            />
          ) : (
            <TextField
              id={`field-visits.${i}.place`}
              label={t('declaration.visitPlace')}
              hint={t('declaration.visitPlaceHint')}
              value={visit.text}
              onChangeText={(value) => editVisit(i, { text: value }, `visits.${i}.place`)}
              error={errorOf(`visits.${i}.place`)}
              maxLength={200}
            />
          )}
          {(['from', 'to'] as const).map((end) => (
            <TextField
              key={end}
              id={`field-visits.${i}.${end}`}
              label={t(end === 'from' ? 'declaration.visitFrom' : 'declaration.visitTo')}
              hint={t('declaration.dayHint')}
              value={visit[end]}
              onChangeText={(value) => editVisit(i, { [end]: value }, `visits.${i}.${end}`)}
              error={errorOf(`visits.${i}.${end}`)}
              keyboardType="numbers-and-punctuation"
              maxLength={10}
            />
          ))}
          <Button testID={`visit-${i}-remove`} variant="secondary" label={t('declaration.visitRemove', { n: i + 1 })} onPress={() => removeVisit(i)} />
        </Card>
      ))}
      {draft.visits.length < MAX_VISITS ? <Button testID="visit-add" variant="secondary" label={t('declaration.visitAdd')} onPress={addVisit} /> : null}
    </>
  );
}
