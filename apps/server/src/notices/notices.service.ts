import type { ListNoticesQuery, ListNoticesResponse, User } from '@bluezone/contract';
import { actorOf } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { decodeCursor, pageOf } from '../db/keyset.js';
import type { Transactions } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { Clock } from '../platform/platform.js';
import type { UnitDirectory } from '../platform/unit-directory.js';
import type { NoticesConfig } from './notices.config.js';
import { toPublicNotice, type CreateNoticeRequest, type NewNotice, type Notice, type PublicNotice } from './notices.model.js';

export interface NoticesRepository {
  listLive(limit: number): Promise<Notice[]>;
  list(unit: string, limit: number, before?: readonly [string, number]): Promise<Notice[]>;
  get(id: number): Promise<Notice | undefined>;
  insert(notice: NewNotice, at: Date): Promise<number>;
  retire(id: number, by: number, at: Date): Promise<boolean>;
}

/** Notices to citizens: published and withdrawn by officials (audited), read anonymously by the app. */
export class NoticesService {
  constructor(
    private readonly store: NoticesRepository,
    private readonly units: UnitDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly config: NoticesConfig,
  ) {}

  /** The app's inbox: the latest live notices, without their authors. */
  async listPublic(): Promise<PublicNotice[]> {
    return (await this.store.listLive(this.config.appListLength)).map(toPublicNotice);
  }

  /** The console's list: notices of `unit` (default the viewer's) and the units below it, newest first. */
  async list(viewer: User, query: ListNoticesQuery): Promise<ListNoticesResponse> {
    const unit = query.unit ?? viewer.unitCode;
    if (query.unit !== undefined) await this.units.require(query.unit, 'unit');
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['string', 'number'] as const);
    const page = pageOf(await this.store.list(unit, query.limit + 1, before), query.limit, (n) => [n.publishedAt, n.id]);
    return { notices: page.items, nextCursor: page.nextCursor };
  }

  /** The unit a notice is filed under, for access rules; undefined when there is no such notice. */
  async unitOf(id: number): Promise<string | undefined> {
    return (await this.store.get(id))?.unitCode;
  }

  /** Publishes under the author's unit, at once. */
  async create(author: User, request: CreateNoticeRequest): Promise<Notice> {
    const id = await this.transactions.run(async () => {
      const notice = { title: request.title, body: request.body, titleEn: request.titleEn ?? null, bodyEn: request.bodyEn ?? null, unitCode: author.unitCode, createdBy: author.id };
      const id = await this.store.insert(notice, this.clock.now());
      await this.audit.record({ actor: actorOf(author), action: 'notice.create', targetType: 'notice', targetId: id, detail: { title: request.title, unitCode: author.unitCode } });
      return id;
    });
    return this.get(id);
  }

  /** Takes a notice out of the app's inbox; the console keeps it, marked withdrawn. Withdrawing twice changes nothing. */
  async retire(official: User, id: number): Promise<Notice> {
    const { title, unitCode } = await this.get(id);
    await this.transactions.run(async () => {
      if (await this.store.retire(id, official.id, this.clock.now())) {
        await this.audit.record({ actor: actorOf(official), action: 'notice.retire', targetType: 'notice', targetId: id, detail: { title, unitCode } });
      }
    });
    return this.get(id);
  }

  private async get(id: number): Promise<Notice> {
    const notice = await this.store.get(id);
    if (!notice) throw new AppError('not_found', `no notice with id ${id}`);
    return notice;
  }
}
