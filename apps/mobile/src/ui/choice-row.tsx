import { Pressable, StyleSheet, Text, View } from 'react-native';
import { colors, radius, space } from './theme';

/** A row the user ticks or picks: a checkbox (several may be chosen) or a radio (one of a group). */
export function ChoiceRow(props: { label: string; note?: string; selected: boolean; onPress?: () => void; kind: 'checkbox' | 'radio'; disabled?: boolean; testID?: string }) {
  const { label, note, selected, onPress, kind, disabled, testID } = props;
  return (
    <Pressable
      testID={testID}
      accessibilityRole={kind}
      accessibilityState={{ checked: selected, disabled: !!disabled }}
      // react-native-web draws accessibilityState.checked as nothing: browsers' screen readers need aria-checked.
      aria-checked={selected}
      accessibilityLabel={note ? `${label}, ${note}` : label}
      disabled={disabled}
      onPress={onPress}
      style={[styles.row, selected && styles.selected, disabled && styles.disabled]}
    >
      <View style={[styles.box, kind === 'radio' && styles.round, selected && styles.boxSelected]}>{selected ? <Text style={styles.tick}>✓</Text> : null}</View>
      <Text style={styles.label}>{label}</Text>
      {note ? <Text style={styles.note}>{note}</Text> : null}
    </Pressable>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', minHeight: 48, paddingHorizontal: space.m, paddingVertical: space.s, borderRadius: radius, borderWidth: 1, borderColor: colors.border, backgroundColor: colors.surface, marginBottom: space.s },
  selected: { borderColor: colors.primary },
  disabled: { opacity: 0.7 },
  box: { width: 24, height: 24, borderRadius: 4, borderWidth: 2, borderColor: colors.primary, alignItems: 'center', justifyContent: 'center', marginRight: space.m },
  round: { borderRadius: 12 },
  boxSelected: { backgroundColor: colors.primary },
  tick: { color: colors.primaryText, fontSize: 14, fontWeight: '700' },
  label: { flex: 1, fontSize: 16, color: colors.text },
  note: { fontSize: 14, color: colors.muted, marginLeft: space.s },
});
