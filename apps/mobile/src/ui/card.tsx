import type { ReactNode } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { colors, radius, space } from './theme';

export type Tone = 'neutral' | 'ok' | 'warn' | 'danger';

const backgrounds: Record<Tone, string> = { neutral: colors.surface, ok: colors.okBackground, warn: colors.warnBackground, danger: colors.dangerBackground };
const accents: Record<Tone, string> = { neutral: colors.border, ok: colors.ok, warn: colors.warn, danger: colors.danger };

/** A box of related content; the tone says good, caution or danger by colour and by its title, never by colour alone. */
export function Card({ title, tone = 'neutral', children, testID }: { title?: string; tone?: Tone; children?: ReactNode; testID?: string }) {
  return (
    <View testID={testID} style={[styles.card, { backgroundColor: backgrounds[tone], borderLeftColor: accents[tone] }]}>
      {title ? (
        <Text accessibilityRole="header" style={[styles.title, tone !== 'neutral' && { color: accents[tone] }]}>
          {title}
        </Text>
      ) : null}
      {children}
    </View>
  );
}

const styles = StyleSheet.create({
  card: { borderRadius: radius, borderWidth: 1, borderColor: colors.border, borderLeftWidth: 6, padding: space.m, marginBottom: space.m },
  title: { fontSize: 18, lineHeight: 24, fontWeight: '700', color: colors.text, marginBottom: space.s },
});
