import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StyleSheet, Text, TextInput } from 'react-native';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';
import { colors, radius, space } from '../../ui/theme';
import { uploadErrorText } from './upload-error-text';

/** The officer's one-time code: typed, from a bluezone://verify link, or from the officer's QR code. */
export function UploadCodeScreen({ navigation, route }: ScreenProps<'UploadCode'>) {
  const { t } = useTranslation();
  const { services, refreshUpload } = useApp();
  const [code, setCode] = useState(route.params?.c ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const linked = useRef(route.params?.c);
  const submitRef = useRef<(text: string) => Promise<void>>(async () => {});

  const submit = async (text: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const verified = await services.upload.verifyCode(text);
      await refreshUpload();
      // Days were chosen before a code expired: the user has consented already, go on with those keys.
      const pending = await services.upload.pending();
      if (pending?.keys) navigation.replace('UploadResult', { rollingStartNumbers: [], symptomOnsetDay: null, testType: verified.testType });
      else navigation.replace('UploadConsent', { testType: verified.testType, symptomDate: verified.symptomDate });
    } catch (e) {
      setError(uploadErrorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  submitRef.current = submit;
  useEffect(() => {
    // A code that came with a link is checked at once, as the user already chose to open it.
    if (linked.current) void submitRef.current(linked.current);
    linked.current = undefined;
  }, []);

  return (
    <Screen testID="upload-code-screen">
      <Title>{t('upload.codeTitle')}</Title>
      <Body>{t('upload.codeIntro')}</Body>
      <Text nativeID="code-label" style={styles.label}>
        {t('upload.codeLabel')}
      </Text>
      <TextInput
        testID="code-input"
        accessibilityLabel={t('upload.codeLabel')}
        aria-labelledby="code-label"
        value={code}
        onChangeText={setCode}
        placeholder={t('upload.codePlaceholder')}
        autoCapitalize="none"
        autoCorrect={false}
        autoComplete="one-time-code"
        textContentType="oneTimeCode"
        onSubmitEditing={() => void submit(code)}
        style={styles.input}
      />
      {error ? (
        <Card tone="danger">
          <Body testID="code-error">{error}</Body>
        </Card>
      ) : null}
      <Button testID="submit-code" label={busy ? t('upload.checking') : t('upload.codeSubmit')} busy={busy} disabled={code.trim() === ''} onPress={() => void submit(code)} />
      <Button testID="scan-qr" variant="secondary" label={t('upload.scan')} onPress={() => navigation.navigate('ScanQr')} />
    </Screen>
  );
}

const styles = StyleSheet.create({
  label: { fontSize: 16, fontWeight: '600', color: '#1b2430', marginTop: space.s, marginBottom: space.xs },
  input: { minHeight: 52, borderWidth: 1.5, borderColor: colors.border, borderRadius: radius, backgroundColor: colors.surface, paddingHorizontal: space.m, fontSize: 22, letterSpacing: 2, color: colors.text, marginBottom: space.m },
});
