import { CameraView, useCameraPermissions } from 'expo-camera';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StyleSheet, View } from 'react-native';
import type { ScreenProps } from '../../root/routes';
import { uploadCodeFromLink } from '../../upload/upload-code';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';

/**
 * Scans the officer's QR code (bluezone://verify?c=…). The camera is asked for here only, when the user chose to
 * scan, never at start; reading the code stays on the phone.
 */
export function ScanQrScreen({ navigation }: ScreenProps<'ScanQr'>) {
  const { t } = useTranslation();
  const [permission, requestPermission] = useCameraPermissions();
  const [wrong, setWrong] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!permission?.granted) {
    return (
      <Screen testID="scan-permission">
        <Title>{t('upload.scanTitle')}</Title>
        <Body>{t('upload.scanNoPermission')}</Body>
        <Button label={t('upload.scanAllow')} onPress={() => void requestPermission()} />
        <Button variant="secondary" label={t('common.back')} onPress={() => navigation.goBack()} />
      </Screen>
    );
  }
  return (
    <Screen testID="scan-screen">
      <Title>{t('upload.scanTitle')}</Title>
      <Body>{t('upload.scanHint')}</Body>
      {failed ? (
        <Card tone="warn">
          <Body>{t('upload.scanUnavailable')}</Body>
        </Card>
      ) : (
        <View style={styles.camera}>
          <CameraView
            style={StyleSheet.absoluteFill}
            facing="back"
            barcodeScannerSettings={{ barcodeTypes: ['qr'] }}
            onMountError={() => setFailed(true)}
            onBarcodeScanned={({ data }) => {
              const code = uploadCodeFromLink(data);
              if (code) navigation.replace('UploadCode', { c: code });
              else setWrong(true);
            }}
          />
        </View>
      )}
      {wrong ? <Body>{t('upload.scanWrongCode')}</Body> : null}
      <Button variant="secondary" label={t('common.back')} onPress={() => navigation.goBack()} />
    </Screen>
  );
}

const styles = StyleSheet.create({ camera: { width: '100%', aspectRatio: 1, overflow: 'hidden', borderRadius: 10, marginBottom: 16 } });
