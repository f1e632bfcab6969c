import { useTranslation } from 'react-i18next';
import { StyleSheet, View } from 'react-native';
import type { DeclarationDraft, YesNo } from '../../../declaration/declaration-draft';
import { ChoiceRow } from '../../../ui/choice-row';
import { FieldError, GroupLabel, TextField, type TextFieldProps } from '../../../ui/text-field';
import { colors, space } from '../../../ui/theme';
import type { StepProps } from './step-props';

/** The answers typed as text (not the choices, whose values are a fixed few). */
type TextKey = { [K in keyof DeclarationDraft]-?: DeclarationDraft[K] extends string ? (string extends DeclarationDraft[K] ? K : never) : never }[keyof DeclarationDraft];

interface DraftTextProps extends Pick<StepProps, 'draft' | 'edit' | 'errorOf'>, Pick<TextFieldProps, 'hint' | 'keyboardType' | 'autoComplete' | 'multiline' | 'maxLength'> {
  /** The field's path in the server's terms (`residence.address`): its id, and where its problems are found. */
  path: string;
  field: TextKey;
  label: string;
  optional?: boolean;
}

/** A text answer of the draft, with its problem beside it. */
export function DraftText({ draft, edit, errorOf, path, field, label, optional, ...input }: DraftTextProps) {
  const { t } = useTranslation();
  return (
    <TextField
      id={`field-${path}`}
      label={optional ? t('declaration.optional', { label }) : label}
      value={draft[field] ?? ''}
      onChangeText={(value) => edit(field, value, path)}
      error={errorOf(path)}
      {...input}
    />
  );
}

interface YesNoProps extends Pick<StepProps, 'draft' | 'edit' | 'errorOf'> {
  path: string;
  field: 'contactCase' | 'contactArrival' | 'contactFever';
  label: string;
}

/** A yes-or-no question, the two answers side by side. */
export function YesNoQuestion({ draft, edit, errorOf, path, field, label }: YesNoProps) {
  const { t } = useTranslation();
  const error = errorOf(path);
  return (
    <View style={styles.group}>
      <GroupLabel id={`field-${path}`} label={label} />
      <View style={styles.pair}>
        {(['yes', 'no'] as const).map((value) => (
          <View key={value} style={styles.half}>
            <ChoiceRow kind="radio" testID={`${field}-${value}`} label={t(`declaration.${value}`)} selected={draft[field] === value} onPress={() => edit(field, value as YesNo, path)} />
          </View>
        ))}
      </View>
      {error ? <FieldError id={`field-${path}`}>{error}</FieldError> : null}
    </View>
  );
}

export const styles = StyleSheet.create({
  group: { marginBottom: space.m },
  pair: { flexDirection: 'row', gap: space.s },
  half: { flex: 1 },
  nested: { borderLeftWidth: 3, borderLeftColor: colors.border, paddingLeft: space.m, marginBottom: space.m },
});
