import type { CreateNoticeRequest, Notice, PublicNotice, Role } from '@bluezone/contract';

export type { CreateNoticeRequest, Notice, PublicNotice };

/**
 * Who publishes and withdraws notices: the people who speak to citizens. A notice is filed under its author's unit;
 * an official withdraws and lists the notices of their own unit and the units below it, never those of the unit above
 * or beside it. Every app shows every live notice: the app is national and does not know where its user lives.
 */
export const NOTICE_ROLES: readonly Role[] = ['health_officer', 'campaign_issuer', 'admin'];

export interface NewNotice {
  title: string;
  body: string;
  titleEn: string | null;
  bodyEn: string | null;
  unitCode: string;
  createdBy: number;
}

/** A notice as the app sees it: the author becomes their unit's name. */
export function toPublicNotice(notice: Notice): PublicNotice {
  const { id, title, body, titleEn, bodyEn, publisher, publisherEn, publishedAt } = notice;
  return { id, title, body, titleEn, bodyEn, publisher, publisherEn, publishedAt };
}
