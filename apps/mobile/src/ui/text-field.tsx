import type { ComponentProps, ReactNode } from 'react';
import { StyleSheet, Text, TextInput, View } from 'react-native';
import { colors, radius, space } from './theme';

export interface TextFieldProps {
  /** Names the input, its label and its error (`${id}-label`, `${id}-error`) for screen readers and tests. */
  id: string;
  label: string;
  value: string;
  onChangeText: (text: string) => void;
  hint?: string;
  error?: string;
  keyboardType?: ComponentProps<typeof TextInput>['keyboardType'];
  autoComplete?: ComponentProps<typeof TextInput>['autoComplete'];
  autoCapitalize?: ComponentProps<typeof TextInput>['autoCapitalize'];
  multiline?: boolean;
  maxLength?: number;
}

/** A labelled text box with its hint under the label and its error right under the box, where the eye already is. */
export function TextField({ id, label, value, onChangeText, hint, error, keyboardType, autoComplete, autoCapitalize, multiline, maxLength }: TextFieldProps) {
  return (
    <View style={styles.field}>
      <Text nativeID={`${id}-label`} style={styles.label}>
        {label}
      </Text>
      {hint ? <Text style={styles.hint}>{hint}</Text> : null}
      <TextInput
        testID={id}
        accessibilityLabel={label}
        accessibilityHint={error}
        aria-labelledby={`${id}-label`}
        aria-invalid={error ? true : undefined}
        value={value}
        onChangeText={onChangeText}
        keyboardType={keyboardType}
        autoComplete={autoComplete}
        autoCapitalize={autoCapitalize}
        autoCorrect={false}
        multiline={multiline}
        maxLength={maxLength}
        style={[styles.input, multiline && styles.multiline, error ? styles.inputError : null]}
      />
      {error ? <FieldError id={id}>{error}</FieldError> : null}
    </View>
  );
}

/** The error of a field, in red with a mark so it does not rely on colour, announced when it appears. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Text testID={`${id}-error`} accessibilityLiveRegion="polite" style={styles.error}>
      ⚠ {children}
    </Text>
  );
}

/** A group label for choices (radio or checkbox rows), with an optional hint. */
export function GroupLabel({ id, label, hint }: { id?: string; label: string; hint?: string }) {
  return (
    <View>
      <Text nativeID={id ? `${id}-label` : undefined} style={styles.label}>
        {label}
      </Text>
      {hint ? <Text style={styles.hint}>{hint}</Text> : null}
    </View>
  );
}

const styles = StyleSheet.create({
  field: { marginBottom: space.m },
  label: { fontSize: 16, lineHeight: 22, fontWeight: '600', color: colors.text, marginBottom: space.xs },
  hint: { fontSize: 14, lineHeight: 20, color: colors.muted, marginBottom: space.xs },
  input: { minHeight: 48, borderWidth: 1.5, borderColor: colors.border, borderRadius: radius, backgroundColor: colors.surface, paddingHorizontal: space.m, fontSize: 16, color: colors.text },
  multiline: { minHeight: 80, paddingTop: space.s, textAlignVertical: 'top' },
  inputError: { borderColor: colors.danger },
  error: { fontSize: 14, lineHeight: 20, color: colors.danger, marginTop: space.xs, marginBottom: space.xs },
});
