import type { BottomTabScreenProps } from '@react-navigation/bottom-tabs';
import type { CompositeScreenProps } from '@react-navigation/native';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pressable, RefreshControl, ScrollView, StyleSheet, Text, View } from 'react-native';
import { formatDay } from '../../i18n';
import type { InboxNotice } from '../../notices/notice-inbox';
import { useApp } from '../../root/app-model';
import type { RootStackParamList, TabParamList } from '../../root/routes';
import { Card } from '../../ui/card';
import { Body } from '../../ui/text';
import { colors, radius, space } from '../../ui/theme';
import { noticeText } from './notice-text';

type Props = CompositeScreenProps<BottomTabScreenProps<TabParamList, 'Notices'>, NativeStackScreenProps<RootStackParamList>>;

/** The inbox of notices from health officers and campaign issuers, newest first; unread ones are marked. */
export function NoticesScreen({ navigation }: Props) {
  const { t } = useTranslation();
  const { services, language } = useApp();
  const [notices, setNotices] = useState<InboxNotice[]>();
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setNotices(await services.notices.list());
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [services]);
  useEffect(() => navigation.addListener('focus', () => void load()), [navigation, load]);
  return (
    <ScrollView testID="notices-screen" style={styles.scroll} contentContainerStyle={styles.content} refreshControl={<RefreshControl refreshing={loading} onRefresh={() => void load()} />}>
      {failed ? (
        <Card tone="warn">
          <Body>{t('notices.error')}</Body>
        </Card>
      ) : null}
      {notices && notices.length === 0 ? <Body muted>{t('notices.empty')}</Body> : null}
      {notices?.map((notice) => {
        const text = noticeText(notice, language);
        return (
          <Pressable
            key={notice.id}
            testID={`notice-${notice.id}`}
            accessibilityRole="button"
            accessibilityLabel={notice.read ? text.title : `${t('notices.unread')}: ${text.title}`}
            onPress={() => navigation.navigate('NoticeDetail', { id: notice.id })}
            style={styles.row}
          >
            {notice.read ? null : <View style={styles.dot} />}
            <View style={styles.rowText}>
              <Text style={[styles.title, !notice.read && styles.unread]}>{text.title}</Text>
              <Text style={styles.meta}>{t('notices.from', { publisher: text.publisher, date: formatDay(notice.publishedAt.slice(0, 10), t) })}</Text>
            </View>
          </Pressable>
        );
      })}
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  scroll: { flex: 1, backgroundColor: colors.background },
  content: { padding: space.m, width: '100%', maxWidth: 672, alignSelf: 'center' },
  row: { flexDirection: 'row', alignItems: 'center', backgroundColor: colors.surface, borderRadius: radius, borderWidth: 1, borderColor: colors.border, padding: space.m, marginBottom: space.s, minHeight: 56 },
  dot: { width: 10, height: 10, borderRadius: 5, backgroundColor: colors.primary, marginRight: space.s },
  rowText: { flex: 1 },
  title: { fontSize: 16, color: colors.text },
  unread: { fontWeight: '700' },
  meta: { fontSize: 14, color: colors.muted, marginTop: 2 },
});
