import type { PublicNotice } from '@bluezone/contract';
import type { Language } from '../../i18n';

/** The notice in the reader's language: English when the officer wrote one, Vietnamese otherwise. */
export function noticeText(notice: PublicNotice, language: Language): { title: string; body: string } {
  if (language === 'en' && notice.titleEn && notice.bodyEn) return { title: notice.titleEn, body: notice.bodyEn };
  return { title: notice.title, body: notice.body };
}
