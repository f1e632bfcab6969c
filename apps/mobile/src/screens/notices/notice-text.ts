import type { PublicNotice } from '@bluezone/contract';
import type { Language } from '../../i18n';

/**
 * The notice in the reader's language: English when the officer wrote one, Vietnamese otherwise; the publishing
 * unit's English name when it has one.
 */
export function noticeText(notice: PublicNotice, language: Language): { title: string; body: string; publisher: string } {
  const english = language === 'en';
  const publisher = (english && notice.publisherEn) || notice.publisher;
  if (english && notice.titleEn && notice.bodyEn) return { title: notice.titleEn, body: notice.bodyEn, publisher };
  return { title: notice.title, body: notice.body, publisher };
}
