import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';
import { colors, space } from '../../ui/theme';
import licences from './licences.gen.json';

/**
 * The packages the app ships and their licences, listed from its bundles by scripts/licences.mjs; a row opens the
 * package's own licence text, which MIT, BSD and Apache-2.0 ask to be carried with every copy.
 */
export function LicencesScreen() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | undefined>();
  return (
    <Screen testID="licences-screen">
      <Title>{t('licences.title')}</Title>
      <Body>{t('licences.intro')}</Body>
      {licences.packages.map((l) => {
        const id = `${l.name}@${l.version}`;
        const shown = open === id;
        return (
          <View key={id} style={styles.row}>
            <Pressable
              testID={`licence-${id}`}
              accessibilityRole="button"
              accessibilityState={{ expanded: shown }}
              accessibilityHint={t('licences.hint')}
              onPress={() => setOpen(shown ? undefined : id)}
              style={({ pressed }) => [styles.header, pressed && styles.pressed]}
            >
              <Text style={styles.name}>
                {l.name} {l.version}
              </Text>
              <Text style={styles.licence}>{l.license}</Text>
            </Pressable>
            {shown ? <Text style={styles.text}>{l.text === null ? t('licences.noText', { license: l.license }) : reflow(licences.texts[l.text]!)}</Text> : null}
          </View>
        );
      })}
    </Screen>
  );
}

/**
 * A licence file's text with its hard line breaks (at about 80 columns) joined, so it wraps to the screen: a line
 * runs on into the next unless that one is blank, indented or starts a list item, as in BSD's numbered clauses.
 */
export function reflow(text: string): string {
  return text.replace(/([^\n])\n(?![\s\n]|[-*•]\s|\(?\w{1,3}[.)]\s)/g, '$1 ');
}

const styles = StyleSheet.create({
  row: { borderBottomWidth: 1, borderBottomColor: colors.border },
  header: { flexDirection: 'row', justifyContent: 'space-between', gap: space.s, paddingVertical: space.s },
  pressed: { opacity: 0.6 },
  name: { fontSize: 15, color: colors.text, flex: 1 },
  licence: { fontSize: 15, color: colors.muted },
  text: { fontSize: 12, lineHeight: 17, color: colors.text, paddingBottom: space.m },
});
