import type { ReactNode } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { colors, space } from './theme';

export function Title({ children }: { children: ReactNode }) {
  return (
    <Text accessibilityRole="header" style={styles.title}>
      {children}
    </Text>
  );
}

export function Heading({ children }: { children: ReactNode }) {
  return (
    <Text accessibilityRole="header" style={styles.heading}>
      {children}
    </Text>
  );
}

export function Body({ children, muted, testID }: { children: ReactNode; muted?: boolean; testID?: string }) {
  return (
    <Text testID={testID} style={[styles.body, muted && styles.muted]}>
      {children}
    </Text>
  );
}

/** A list whose items are read as a list: a mark, then the text. */
export function Bullets({ items, numbered }: { items: string[]; numbered?: boolean }) {
  return (
    <View accessibilityRole="list" style={styles.list}>
      {items.map((item, i) => (
        <View key={item} style={styles.item}>
          <Text style={styles.mark}>{numbered ? `${i + 1}.` : '•'}</Text>
          <Text style={[styles.body, styles.itemText]}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  title: { fontSize: 24, lineHeight: 31, fontWeight: '700', color: colors.text, marginBottom: space.m },
  heading: { fontSize: 18, lineHeight: 24, fontWeight: '700', color: colors.text, marginTop: space.m, marginBottom: space.s },
  body: { fontSize: 16, lineHeight: 23, color: colors.text, marginBottom: space.s },
  muted: { color: colors.muted },
  list: { marginBottom: space.s },
  item: { flexDirection: 'row', marginBottom: space.xs },
  mark: { width: 22, fontSize: 16, lineHeight: 23, color: colors.primary, fontWeight: '700' },
  itemText: { flex: 1, marginBottom: 0 },
});
