import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import type { StoredReceipt } from '../../declaration/declaration-service';
import { formatTime } from '../../i18n';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';
import { colors, radius, space } from '../../ui/theme';

/** "My declarations": the receipts kept on this phone, newest first, each opening its QR code. */
export function DeclarationsScreen({ navigation }: ScreenProps<'Declarations'>) {
  const { t } = useTranslation();
  const { services } = useApp();
  const [receipts, setReceipts] = useState<StoredReceipt[]>();
  const load = useCallback(async () => setReceipts(await services.declarations.receipts()), [services]);
  // Back from a receipt that was deleted, the list is read again.
  useEffect(() => navigation.addListener('focus', () => void load()), [navigation, load]);
  const now = services.platform.clock.now();
  return (
    <Screen testID="declarations-screen">
      <Title>{t('declaration.mine.title')}</Title>
      <Body muted>{t('declaration.mine.intro')}</Body>
      {receipts?.length === 0 ? <Body testID="declarations-empty">{t('declaration.mine.empty')}</Body> : null}
      {receipts?.map((item) => {
        const expired = Date.parse(item.answer.receiptExpiresAt) <= now;
        const detail = t('declaration.mine.item', { name: item.fullName, time: formatTime(item.declaredAt) });
        return (
          <Pressable
            key={item.receipt}
            testID={`receipt-${item.receipt}`}
            accessibilityRole="button"
            accessibilityLabel={`${t('declaration.receipt.code')} ${item.receipt}, ${detail}${expired ? `, ${t('declaration.mine.expired')}` : ''}`}
            onPress={() => navigation.navigate('DeclarationReceipt', { receipt: item.receipt })}
            style={({ pressed }) => [styles.row, pressed && styles.pressed]}
          >
            <View style={styles.line}>
              <Text style={styles.code}>{item.receipt}</Text>
              {expired ? <Text style={styles.expired}>{t('declaration.mine.expired')}</Text> : null}
            </View>
            <Text style={styles.detail}>{detail}</Text>
          </Pressable>
        );
      })}
      <Button testID="declarations-new" label={t('declaration.mine.new')} onPress={() => navigation.navigate('Declaration')} />
    </Screen>
  );
}

const styles = StyleSheet.create({
  row: { minHeight: 56, padding: space.m, borderRadius: radius, borderWidth: 1, borderColor: colors.border, backgroundColor: colors.surface, marginBottom: space.s },
  pressed: { opacity: 0.85 },
  line: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' },
  code: { fontSize: 20, fontWeight: '700', letterSpacing: 1, color: colors.text },
  expired: { fontSize: 14, color: colors.warn, fontWeight: '600' },
  detail: { fontSize: 14, color: colors.muted, marginTop: space.xs },
});
