import { useTranslation } from 'react-i18next';
import { StyleSheet, Text, View } from 'react-native';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';
import { colors, space } from '../../ui/theme';
import licences from './licences.gen.json';

/** The libraries in the app and their licences, listed from the installed packages by scripts/licences.mjs. */
export function LicencesScreen() {
  const { t } = useTranslation();
  return (
    <Screen testID="licences-screen">
      <Title>{t('licences.title')}</Title>
      <Body>{t('licences.intro')}</Body>
      {licences.map((l) => (
        <View key={l.name} style={styles.row}>
          <Text style={styles.name}>
            {l.name} {l.version}
          </Text>
          <Text style={styles.licence}>{l.license}</Text>
        </View>
      ))}
    </Screen>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: space.s, borderBottomWidth: 1, borderBottomColor: colors.border },
  name: { fontSize: 15, color: colors.text, flex: 1 },
  licence: { fontSize: 15, color: colors.muted },
});
