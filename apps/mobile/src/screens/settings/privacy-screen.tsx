import { useTranslation } from 'react-i18next';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';

export function PrivacyScreen() {
  const { t } = useTranslation();
  return (
    <Screen testID="privacy-screen">
      <Title>{t('privacy.title')}</Title>
      {(['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] as const).map((p) => (
        <Body key={p}>{t(`privacy.${p}`)}</Body>
      ))}
    </Screen>
  );
}
