import type { ReactNode } from 'react';
import { ScrollView, StyleSheet, View } from 'react-native';
import { colors, space } from './theme';

/** A scrolling page with the app's margins; content is at most 640 px wide so it reads well on tablets and the web. */
export function Screen({ children, testID }: { children: ReactNode; testID?: string }) {
  return (
    <ScrollView testID={testID} style={styles.scroll} contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
      <View style={styles.column}>{children}</View>
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  scroll: { flex: 1, backgroundColor: colors.background },
  content: { padding: space.m, paddingBottom: space.xl, alignItems: 'center' },
  column: { width: '100%', maxWidth: 640 },
});
