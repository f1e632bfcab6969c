import type { Locale, NotificationKind } from '@bluezone/contract';
import type { NotificationMessage, Notifier } from '../platform/notifier.js';

type Flags = { suspected: boolean; arrival: boolean };
type Unit = { code: string; name: string; nameEn: string };

const FLAG_WORDS: Record<Locale, Record<'suspected' | 'arrival' | 'none', string>> = {
  vi: { suspected: 'nghi ngờ mắc bệnh', arrival: 'người từ vùng dịch về', none: 'không thuộc diện nghi ngờ hay từ vùng dịch về' },
  en: { suspected: 'suspected case', arrival: 'arrival from an epidemic area', none: 'neither suspected nor from an epidemic area' },
};

const flagOf = (flags: Flags) => (flags.suspected ? 'suspected' : flags.arrival ? 'arrival' : 'none');

/**
 * A declaration's notification and its e-mail in the reader's language. Neither carries personal data: no name, no
 * telephone, no symptom; only that a declaration arrived for a unit, whether it is flagged, and where to open it.
 */
export function declarationMessage(kind: Extract<NotificationKind, `declaration.${string}`>, declarationId: number, flags: Flags, units: Unit[], publicUrl: string | undefined): NotificationMessage {
  const link = `/declarations/${declarationId}`;
  const href = publicUrl ? `${publicUrl}${link}` : link;
  const flag = flagOf(flags);
  return {
    kind,
    params: { declarationId, units: units.map((u) => u.code).join(','), unitNames: units.map((u) => u.name).join(', '), unitNamesEn: units.map((u) => u.nameEn).join(', '), flag },
    link,
    email: (locale) => {
      const where = units.map((u) => (locale === 'vi' ? u.name : u.nameEn)).join(', ');
      const words = FLAG_WORDS[locale][flag];
      if (kind === 'declaration.suspected') {
        return locale === 'vi'
          ? { subject: `[Bluezone] Tờ khai chuyển sang nghi ngờ mắc bệnh (${where})`, text: `Một tờ khai y tế của ${where} vừa được đánh giá lại là nghi ngờ mắc bệnh. Hãy mở Bluezone để xem và liên hệ ngay:\n\n${href}` }
          : { subject: `[Bluezone] A declaration became a suspected case (${where})`, text: `A health declaration of ${where} was judged again and is now a suspected case. Open Bluezone to read it and get in touch at once:\n\n${href}` };
      }
      return locale === 'vi'
        ? { subject: `[Bluezone] Tờ khai y tế mới: ${words} (${where})`, text: `Có tờ khai y tế mới (${words}) của người dân thuộc ${where}. Hãy mở Bluezone để xem và theo dõi:\n\n${href}` }
        : { subject: `[Bluezone] New health declaration: ${words} (${where})`, text: `A new health declaration (${words}) for ${where}. Open Bluezone to read it and follow it up:\n\n${href}` };
    },
  };
}

interface AlertDeps {
  topCode: string;
  lineage(code: string): Promise<string[] | undefined>;
  place(code: string): Promise<{ fullName: string; fullNameEn: string } | undefined>;
  /** Enabled unit and health officers whose own unit is one of these. */
  officials(units: readonly string[]): Promise<number[]>;
  notifier: Notifier;
  webhook: { enqueue(event: string, data: Record<string, unknown>): Promise<void>; deliverDue(): Promise<unknown> };
  publicUrl: string | undefined;
  log?: (error: unknown) => void;
}

/** What to tell, prepared inside the declaration's transaction and told once it has committed. */
export interface Alert {
  userIds: number[];
  message: NotificationMessage;
}

/**
 * Tells the officials of the units a declaration is routed to, and of the units between them and the top of the tree
 * (a village's declaration reaches its commune too), never the whole province: its officials read counts and lists.
 * The webhook event is queued in the declaration's own transaction; the console notifications and e-mails go once it
 * has committed, in the background, so a citizen never waits for a mail server.
 */
export class DeclarationAlerts {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly deps: AlertDeps) {}

  /** Inside the transaction: queues the webhook event and works out who to tell. */
  async prepare(kind: Extract<NotificationKind, `declaration.${string}`>, declarationId: number, flags: Flags, routes: readonly string[]): Promise<Alert> {
    const recipients = new Set<string>();
    for (const route of routes) for (const code of (await this.deps.lineage(route)) ?? [route]) if (code !== this.deps.topCode) recipients.add(code);
    const units = await Promise.all(
      routes.map(async (code) => {
        const place = await this.deps.place(code);
        return { code, name: place?.fullName ?? code, nameEn: place?.fullNameEn ?? code };
      }),
    );
    const message = declarationMessage(kind, declarationId, flags, units, this.deps.publicUrl);
    await this.deps.webhook.enqueue(kind, { ...message.params, units: routes, suspected: flags.suspected, arrival: flags.arrival, link: this.deps.publicUrl ? `${this.deps.publicUrl}${message.link}` : message.link });
    return { userIds: await this.deps.officials([...recipients]), message };
  }

  /** After the commit: notifications, e-mails and the webhook, in the background. */
  tell(alerts: readonly Alert[]): void {
    const work = (async () => {
      for (const alert of alerts) await this.deps.notifier.notify(alert.userIds, alert.message);
      await this.deps.webhook.deliverDue();
    })().catch((error: unknown) => this.deps.log?.(error));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Resolves once everything told so far has gone out (tests, and a clean shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
