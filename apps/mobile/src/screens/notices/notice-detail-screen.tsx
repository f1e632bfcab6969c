import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../i18n';
import type { InboxNotice } from '../../notices/notice-inbox';
import { useApp } from '../../root/app-model';
import type { ScreenProps } from '../../root/routes';
import { Screen } from '../../ui/screen';
import { Body, Title } from '../../ui/text';
import { noticeText } from './notice-text';

export function NoticeDetailScreen({ route }: ScreenProps<'NoticeDetail'>) {
  const { t } = useTranslation();
  const { services, language } = useApp();
  const [notice, setNotice] = useState<InboxNotice>();
  useEffect(() => {
    void services.notices.list().then((list) => setNotice(list.find((n) => n.id === route.params.id))).catch(() => undefined);
    void services.notices.markRead(route.params.id);
  }, [services, route.params.id]);
  if (!notice) return <Screen>{null}</Screen>;
  const text = noticeText(notice, language);
  return (
    <Screen testID="notice-detail">
      <Title>{text.title}</Title>
      <Body muted>{t('notices.from', { publisher: text.publisher, date: formatDay(notice.publishedAt.slice(0, 10), t) })}</Body>
      <Body>{text.body}</Body>
    </Screen>
  );
}
