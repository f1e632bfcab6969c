import { SYMPTOMS, vnDay, type DeclarationFilter, type Locale, type Symptom, type User } from '@bluezone/contract';
import { actorOf } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/platform.js';
import { writeXlsx, type SheetColumn } from '../platform/xlsx.js';
import type { DeclarationListsStore } from './declaration-lists.store.js';
import { formatReceipt } from './declarations.model.js';
import type { PlaceNames } from './declarations.view.js';
import { listFilterOf } from './follow-up.service.js';

/** An export holds at most this many declarations; a wider one asks for a narrower filter. */
export const EXPORT_LIMIT = 100_000;

const WORDS = {
  vi: {
    sheet: 'Tờ khai y tế',
    file: 'Tờ khai y tế',
    headers: ['Mã biên nhận', 'Thời điểm khai', 'Loại', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Điện thoại', 'CMND/CCCD/Hộ chiếu', 'Đơn vị', 'Địa chỉ', 'Nghi ngờ', 'Từ vùng dịch về', 'Theo dõi đến', 'Báo sức khỏe gần nhất', 'Trạng thái', 'Hẹn theo dõi', 'Triệu chứng', 'Nơi đã đến'],
    kind: { domestic: 'Nội địa', entry: 'Nhập cảnh' } as Record<string, string>,
    gender: { male: 'Nam', female: 'Nữ', other: 'Khác' } as Record<string, string>,
    yes: 'Có',
    no: '',
    status: { new: 'Mới', contacted: 'Đã liên hệ', home_isolation: 'Cách ly tại nhà', concentrated_isolation: 'Cách ly tập trung', tested: 'Đã xét nghiệm', negative: 'Âm tính', positive: 'Dương tính', closed: 'Đã đóng' } as Record<string, string>,
    symptom: { fever: 'Sốt', cough: 'Ho', shortness_of_breath: 'Khó thở', sore_throat: 'Đau họng', fatigue: 'Mệt mỏi', loss_of_taste_or_smell: 'Mất vị giác hoặc khứu giác', other: 'Khác' } as Record<Symptom, string>,
  },
  en: {
    sheet: 'Health declarations',
    file: 'Health declarations',
    headers: ['Receipt', 'Declared at', 'Kind', 'Full name', 'Year of birth', 'Gender', 'Telephone', 'ID or passport', 'Unit', 'Address', 'Suspected', 'From an epidemic area', 'Monitored until', 'Last health check', 'Status', 'Next follow-up', 'Symptoms', 'Places visited'],
    kind: { domestic: 'Domestic', entry: 'Entry' } as Record<string, string>,
    gender: { male: 'Male', female: 'Female', other: 'Other' } as Record<string, string>,
    yes: 'Yes',
    no: '',
    status: { new: 'New', contacted: 'Contacted', home_isolation: 'Home isolation', concentrated_isolation: 'Concentrated isolation', tested: 'Tested', negative: 'Negative', positive: 'Positive', closed: 'Closed' } as Record<string, string>,
    symptom: { fever: 'Fever', cough: 'Cough', shortness_of_breath: 'Shortness of breath', sore_throat: 'Sore throat', fatigue: 'Fatigue', loss_of_taste_or_smell: 'Loss of taste or smell', other: 'Other' } as Record<Symptom, string>,
  },
} satisfies Record<Locale, unknown>;

const KEYS = ['receipt', 'declaredAt', 'kind', 'fullName', 'yearOfBirth', 'gender', 'phone', 'idNumber', 'unit', 'address', 'suspected', 'arrival', 'monitoringUntil', 'lastCheckDay', 'status', 'nextFollowUp', 'symptoms', 'visits'];

/** A unit's list as a spreadsheet for the officers who must pass it on, in the viewer's language; audited. */
export class DeclarationsExport {
  constructor(
    private readonly lists: Pick<DeclarationListsStore, 'exportRows'>,
    private readonly places: PlaceNames,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async xlsx(viewer: User, filter: DeclarationFilter): Promise<{ fileName: string; body: Buffer }> {
    const words = WORDS[viewer.locale];
    const rows = await this.lists.exportRows(listFilterOf(viewer, filter), EXPORT_LIMIT);
    const names = new Map<string, string>();
    const nameOf = async (code: string) => {
      if (!names.has(code)) {
        const place = await this.places(code);
        names.set(code, (viewer.locale === 'vi' ? place?.fullName : place?.fullNameEn) ?? code);
      }
      return names.get(code)!;
    };
    const columns: SheetColumn[] = KEYS.map((key, i) => ({
      key,
      header: words.headers[i]!,
      ...(key === 'declaredAt' && { numFmt: 'dd/mm/yyyy hh:mm', width: 18 }),
      ...(key === 'fullName' && { width: 28 }),
      ...((key === 'address' || key === 'visits') && { width: 40 }),
      ...(key === 'symptoms' && { width: 30 }),
    }));
    const sheetRows = [];
    for (const r of rows) {
      const visits = [];
      for (const v of r.visits) visits.push(`${v.unitCode === null ? v.place : await nameOf(v.unitCode)} (${v.from} → ${v.to})`);
      sheetRows.push({
        receipt: formatReceipt(r.receipt),
        // Excel has no time zones: the cell holds Vietnamese wall-clock time, as the reader expects.
        declaredAt: new Date(Date.parse(r.declaredAt) + 7 * 3600_000),
        kind: words.kind[r.kind] ?? r.kind,
        fullName: r.fullName,
        yearOfBirth: r.yearOfBirth,
        gender: words.gender[r.gender] ?? r.gender,
        phone: r.phone,
        idNumber: r.idNumber,
        unit: r.unitName,
        address: r.address,
        suspected: r.suspected ? words.yes : words.no,
        arrival: r.arrival ? words.yes : words.no,
        monitoringUntil: r.monitoringUntil,
        lastCheckDay: r.lastCheckDay,
        status: words.status[r.status] ?? r.status,
        nextFollowUp: r.nextFollowUp,
        symptoms: SYMPTOMS.filter((s) => r.symptoms.includes(s))
          .map((s) => (s === 'other' && r.otherSymptom ? `${words.symptom.other}: ${r.otherSymptom}` : words.symptom[s]))
          .join(', '),
        visits: visits.join('; '),
      });
    }
    const unit = filter.unit ?? viewer.unitCode;
    const body = await writeXlsx([{ name: words.sheet, columns, rows: sheetRows, preamble: [`${words.sheet}: ${await nameOf(unit)}`] }]);
    await this.audit.record({ actor: actorOf(viewer), action: 'declaration.export', detail: { ...filter, unit, count: rows.length } });
    return { fileName: `${words.file} ${unit} ${vnDay(this.clock.now())}.xlsx`, body };
  }
}
