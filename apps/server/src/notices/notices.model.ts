import type { CreateNoticeRequest, Notice, PublicNotice, Role } from '@bluezone/contract';

export type { CreateNoticeRequest, Notice, PublicNotice };

/** Who may publish and retire notices: the people who speak to citizens. */
export const NOTICE_ROLES: readonly Role[] = ['health_officer', 'campaign_issuer', 'admin'];

/** The app lists this many live notices at most, newest first; older ones are retired in practice. */
export const PUBLIC_NOTICE_LIMIT = 50;

/** A notice as the app sees it: the author becomes their unit's name. */
export function toPublicNotice(notice: Notice): PublicNotice {
  return { id: notice.id, title: notice.title, body: notice.body, titleEn: notice.titleEn, bodyEn: notice.bodyEn, publisher: notice.publisher, publishedAt: notice.publishedAt };
}

/** An administrator may retire any notice; others only those of their own unit. */
export function mayRetire(notice: Notice, user: { role: Role; unitCode: string }): boolean {
  return user.role === 'admin' || notice.unitCode === user.unitCode;
}
