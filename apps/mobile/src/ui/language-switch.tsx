import { useTranslation } from 'react-i18next';
import { Pressable, StyleSheet, Text } from 'react-native';
import { useApp } from '../root/app-model';
import { colors, space } from './theme';

/** "English" in Vietnamese, "Tiếng Việt" in English: the switch names the language it switches to. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useApp();
  return (
    <Pressable testID="language-switch" accessibilityRole="button" accessibilityLabel={t('common.languageLabel')} onPress={() => void setLanguage(language === 'vi' ? 'en' : 'vi')} style={styles.switch}>
      <Text style={styles.text}>{t('common.language')}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  switch: { alignSelf: 'flex-end', minHeight: 44, justifyContent: 'center', paddingHorizontal: space.s },
  text: { color: colors.primary, fontSize: 16, fontWeight: '600', textDecorationLine: 'underline' },
});
