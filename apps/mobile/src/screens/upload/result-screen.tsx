import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityIndicator } from 'react-native';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { UploadError } from '../../upload/upload-flow';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';
import { colors } from '../../ui/theme';
import { uploadErrorText } from './upload-error-text';

type State = { step: 'publishing' } | { step: 'done' } | { step: 'failed'; error: unknown };

/** Certificate and publish, with what happened: thanks, or why not and the way on (retry, or a new code). */
export function ResultScreen({ navigation, route }: ScreenProps<'UploadResult'>) {
  const { t } = useTranslation();
  const { services, refreshUpload } = useApp();
  const [state, setState] = useState<State>({ step: 'publishing' });
  const started = useRef(false);
  const publish = useCallback(async () => {
    setState({ step: 'publishing' });
    try {
      await services.upload.publish({ rollingStartNumbers: route.params.rollingStartNumbers, symptomOnsetDay: route.params.symptomOnsetDay });
      setState({ step: 'done' });
    } catch (error) {
      setState({ step: 'failed', error });
    } finally {
      await refreshUpload();
    }
  }, [services, route.params, refreshUpload]);
  useEffect(() => {
    if (!started.current) void publish();
    started.current = true;
  }, [publish]);

  if (state.step === 'publishing') {
    return (
      <Screen testID="upload-publishing">
        <Title>{t('upload.publishing')}</Title>
        <ActivityIndicator size="large" color={colors.primary} />
      </Screen>
    );
  }
  if (state.step === 'done') {
    return (
      <Screen testID="upload-done">
        <Title>{t('upload.doneTitle')}</Title>
        <Card tone="ok">
          <Body>{route.params.testType === 'negative' ? t('upload.doneWithdrawn') : t('upload.doneBody')}</Body>
        </Card>
        <Button testID="upload-home" label={t('upload.backHome')} onPress={() => navigation.popToTop()} />
      </Screen>
    );
  }
  const code = state.error instanceof UploadError ? state.error.code : 'network_error';
  return (
    <Screen testID="upload-failed">
      <Card tone="danger">
        <Body testID="upload-error">{uploadErrorText(t, state.error)}</Body>
      </Card>
      {code === 'network_error' ? <Button testID="upload-retry" label={t('common.retry')} onPress={() => void publish()} /> : null}
      {code === 'new_code_needed' ? <Button testID="upload-new-code" label={t('upload.newCode')} onPress={() => navigation.replace('UploadCode')} /> : null}
      <Button variant="secondary" label={t('upload.backHome')} onPress={() => navigation.popToTop()} />
    </Screen>
  );
}
