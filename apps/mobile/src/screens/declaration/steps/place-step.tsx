import { TRANSPORTS } from '@bluezone/contract';
import { useTranslation } from 'react-i18next';
import { View } from 'react-native';
import { ChoiceRow } from '../../../ui/choice-row';
import { Heading } from '../../../ui/text';
import { FieldError, GroupLabel } from '../../../ui/text-field';
import { PlacePicker } from '../place-picker';
import { DraftText, styles } from './draft-fields';
import type { StepProps } from './step-props';

/** Step 2: where the person lives, and for an entry declaration the border crossing and the destination. */
export function PlaceStep({ draft, edit, errorOf, search }: StepProps) {
  const { t } = useTranslation();
  const fields = { draft, edit, errorOf };
  return (
    <>
      {/* The step is named "where you live"; only beside the entry details does the residence need its own heading. */}
      {draft.kind === 'entry' ? <Heading>{t('declaration.residence')}</Heading> : null}
      <PlacePicker
        id="field-residence.unitCode"
        label={t('declaration.residenceUnit')}
        hint={t('declaration.unitHint')}
        error={errorOf('residence.unitCode')}
        value={draft.residence}
        onChange={(chosen) => edit('residence', chosen, 'residence.unitCode')}
        scope="province"
        search={search}
      />
      <DraftText {...fields} path="residence.address" field="address" label={t('declaration.address')} autoComplete="street-address" maxLength={300} />
      {draft.kind === 'entry' ? (
        <>
          <Heading>{t('declaration.entry')}</Heading>
          <DraftText {...fields} path="entry.borderGate" field="borderGate" label={t('declaration.borderGate')} hint={t('declaration.borderGateHint')} maxLength={200} />
          <View style={styles.group}>
            <GroupLabel id="field-entry.transport" label={t('declaration.transport')} />
            {TRANSPORTS.map((transport) => (
              <ChoiceRow key={transport} kind="radio" testID={`transport-${transport}`} label={t(`declaration.transports.${transport}`)} selected={draft.transport === transport} onPress={() => edit('transport', transport, 'entry.transport')} />
            ))}
            {errorOf('entry.transport') ? <FieldError id="field-entry.transport">{errorOf('entry.transport')}</FieldError> : null}
          </View>
          <DraftText {...fields} path="entry.transportNumber" field="transportNumber" label={t('declaration.transportNumber')} optional hint={t('declaration.transportNumberHint')} maxLength={50} />
          <DraftText {...fields} path="entry.departurePlace" field="departurePlace" label={t('declaration.departurePlace')} hint={t('declaration.departurePlaceHint')} maxLength={200} />
          <DraftText {...fields} path="entry.arrivalDate" field="arrivalDate" label={t('declaration.arrivalDate')} hint={t('declaration.dayHint')} keyboardType="number-pad" maxLength={10} />
          <ChoiceRow kind="checkbox" testID="destination-elsewhere" label={t('declaration.destinationElsewhere')} selected={draft.destinationElsewhere} onPress={() => edit('destinationElsewhere', !draft.destinationElsewhere)} />
          {draft.destinationElsewhere ? (
            <View style={styles.nested}>
              <PlacePicker
                id="field-entry.destination.unitCode"
                label={t('declaration.destinationUnit')}
                hint={t('declaration.unitHint')}
                error={errorOf('entry.destination.unitCode')}
                value={draft.destination}
                onChange={(chosen) => edit('destination', chosen, 'entry.destination.unitCode')}
                scope="province"
                search={search}
              />
              <DraftText {...fields} path="entry.destination.address" field="destinationAddress" label={t('declaration.destinationAddress')} maxLength={300} />
            </View>
          ) : null}
        </>
      ) : null}
    </>
  );
}
