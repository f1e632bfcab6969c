import type { NotificationTopic } from '@bluezone/contract';
import type { UnitNotification } from '../notifications/notifications.model.js';

/**
 * The words of a declaration's notifications, Vietnamese first. They carry no personal data: no name, no telephone,
 * no symptom; only that a declaration arrived for a unit, whether it is flagged, and where to open it.
 */
export function declarationNotification(
  topic: NotificationTopic,
  declarationId: number,
  flags: { suspected: boolean; arrival: boolean },
  units: { code: string; name: string; nameEn: string }[],
  recipients: readonly string[],
  emails: readonly string[],
): UnitNotification {
  const where = units.map((u) => u.name).join(', ');
  const whereEn = units.map((u) => u.nameEn).join(', ');
  const flagVi = flags.suspected ? 'nghi ngờ mắc bệnh' : flags.arrival ? 'người từ vùng dịch về' : 'không thuộc diện nghi ngờ hay từ vùng dịch về';
  const flagEn = flags.suspected ? 'suspected case' : flags.arrival ? 'arrival from an epidemic area' : 'neither suspected nor from an epidemic area';
  const became = topic === 'declaration.suspected';
  const subject = became
    ? `[Bluezone] Tờ khai chuyển sang nghi ngờ mắc bệnh — A declaration became a suspected case (${where})`
    : `[Bluezone] Tờ khai y tế mới: ${flagVi} — New health declaration: ${flagEn} (${where})`;
  const text = [
    became
      ? `Một tờ khai y tế của ${where} vừa được đánh giá lại là nghi ngờ mắc bệnh. Hãy mở Bluezone để xem và liên hệ ngay.`
      : `Có tờ khai y tế mới (${flagVi}) của người dân thuộc ${where}. Hãy mở Bluezone để xem và theo dõi.`,
    became
      ? `A health declaration of ${whereEn} was judged again and is now a suspected case. Open Bluezone to read it and get in touch at once.`
      : `A new health declaration (${flagEn}) for ${whereEn}. Open Bluezone to read it and follow it up.`,
  ].join('\n\n');
  return {
    units: recipients,
    roles: ['unit_officer', 'health_officer'],
    topic,
    params: { declarationId, units: units.map((u) => u.code).join(','), suspected: flags.suspected, arrival: flags.arrival },
    link: `/declarations/${declarationId}`,
    emails,
    message: { subject, text },
  };
}

interface AlertDeps {
  topCode: string;
  lineage(code: string): Promise<string[] | undefined>;
  place(code: string): Promise<{ fullName: string; fullNameEn: string } | undefined>;
  stations(codes: readonly string[]): Promise<{ unitCode: string; notificationEmail: string | null }[]>;
  notify(notification: UnitNotification): Promise<void>;
}

/**
 * Tells the officials of the units a declaration is routed to, and of the units between them and the top of the tree
 * (a village's declaration reaches its commune too), never the whole province: its officials read counts and lists.
 */
export class DeclarationAlerts {
  constructor(private readonly deps: AlertDeps) {}

  async send(topic: NotificationTopic, declarationId: number, flags: { suspected: boolean; arrival: boolean }, routes: readonly string[]): Promise<void> {
    const recipients = new Set<string>();
    for (const route of routes) {
      for (const code of (await this.deps.lineage(route)) ?? [route]) if (code !== this.deps.topCode) recipients.add(code);
    }
    const units = await Promise.all(
      routes.map(async (code) => {
        const place = await this.deps.place(code);
        return { code, name: place?.fullName ?? code, nameEn: place?.fullNameEn ?? code };
      }),
    );
    const emails = (await this.deps.stations([...recipients])).flatMap((s) => (s.notificationEmail ? [s.notificationEmail] : []));
    await this.deps.notify(declarationNotification(topic, declarationId, flags, units, [...recipients], emails));
  }
}
