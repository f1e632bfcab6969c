import { ActivityIndicator, Pressable, StyleSheet, Text } from 'react-native';
import { colors, radius, space } from './theme';

export interface ButtonProps {
  label: string;
  onPress: () => void;
  variant?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
  busy?: boolean;
  testID?: string;
}

/** A full-width button, at least 48 px high (a thumb's width), announced as a button with its state. */
export function Button({ label, onPress, variant = 'primary', disabled, busy, testID }: ButtonProps) {
  const inactive = disabled || busy;
  return (
    <Pressable
      testID={testID}
      accessibilityRole="button"
      accessibilityLabel={label}
      accessibilityState={{ disabled: !!inactive, busy: !!busy }}
      disabled={inactive}
      onPress={onPress}
      style={({ pressed }) => [styles.base, styles[variant], pressed && styles.pressed, inactive && styles.inactive]}
    >
      {busy ? <ActivityIndicator color={variant === 'secondary' ? colors.primary : colors.primaryText} style={styles.spinner} /> : null}
      <Text style={[styles.label, variant === 'secondary' ? styles.secondaryLabel : styles.primaryLabel]}>{label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  base: { minHeight: 48, borderRadius: radius, paddingHorizontal: space.m, paddingVertical: space.s + 4, marginVertical: space.xs, alignItems: 'center', justifyContent: 'center', flexDirection: 'row' },
  primary: { backgroundColor: colors.primary },
  danger: { backgroundColor: colors.danger },
  secondary: { backgroundColor: colors.surface, borderWidth: 1.5, borderColor: colors.primary },
  pressed: { opacity: 0.85 },
  inactive: { opacity: 0.55 },
  label: { fontSize: 16, fontWeight: '600', textAlign: 'center' },
  primaryLabel: { color: colors.primaryText },
  secondaryLabel: { color: colors.primary },
  spinner: { marginRight: space.s },
});
