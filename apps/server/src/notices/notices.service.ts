import type { Actor } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { AppError } from '../errors.js';
import type { User } from '../identity/identity.model.js';
import type { Clock } from '../platform/platform.js';
import { PUBLIC_NOTICE_LIMIT, mayRetire, toPublicNotice, type CreateNoticeRequest, type Notice, type PublicNotice } from './notices.model.js';
import type { NoticesStore } from './notices.store.js';

/** Notices to citizens: published and retired by officials (audited), read anonymously by the app. */
export class NoticesService {
  constructor(
    private readonly store: Pick<NoticesStore, keyof NoticesStore>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async listPublic(): Promise<PublicNotice[]> {
    return (await this.store.listLive(PUBLIC_NOTICE_LIMIT)).map(toPublicNotice);
  }

  listAll(): Promise<Notice[]> {
    return this.store.listAll(500);
  }

  async create(actor: Actor, user: User, request: CreateNoticeRequest): Promise<Notice> {
    const id = await this.store.insert(
      { title: request.title, body: request.body, titleEn: request.titleEn ?? null, bodyEn: request.bodyEn ?? null, unitCode: user.unitCode, createdBy: user.id },
      this.clock.now(),
    );
    await this.audit.record({ actor, action: 'notice.create', targetType: 'notice', targetId: id, detail: { title: request.title } });
    return this.get(id);
  }

  async retire(actor: Actor, user: User, id: number): Promise<Notice> {
    const notice = await this.get(id);
    if (!mayRetire(notice, user)) throw new AppError('forbidden', 'only the publishing unit or an administrator may retire this notice');
    if (notice.retiredAt === null) {
      await this.store.retire(id, user.id, this.clock.now());
      await this.audit.record({ actor, action: 'notice.retire', targetType: 'notice', targetId: id });
    }
    return this.get(id);
  }

  private async get(id: number): Promise<Notice> {
    const notice = await this.store.get(id);
    if (!notice) throw new AppError('not_found', `no notice with id ${id}`);
    return notice;
  }
}
