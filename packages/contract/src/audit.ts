import { z } from 'zod';
import { calendarDaySchema } from './dates.js';
import { idSchema, timestampSchema } from './common.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

/**
 * Every action the audit log records, with how a person reads it in each language. A domain that records a new
 * action adds it here first: the server's audit service accepts only these, and the console labels and filters by them.
 */
export const AUDIT_ACTIONS = {
  'auth.login': { vi: 'Đăng nhập', en: 'Signed in' },
  'auth.login_failed': { vi: 'Đăng nhập không thành công', en: 'Failed sign-in' },
  'auth.logout': { vi: 'Đăng xuất', en: 'Signed out' },
  'auth.password_change': { vi: 'Đổi mật khẩu', en: 'Changed own password' },
  'auth.password_change_failed': { vi: 'Đổi mật khẩu không thành công', en: 'Failed password change' },
  'user.create': { vi: 'Tạo tài khoản', en: 'Created an account' },
  'user.update': { vi: 'Sửa tài khoản', en: 'Changed an account' },
  'user.list': { vi: 'Xem danh sách tài khoản', en: 'Listed accounts' },
  'user.set_locale': { vi: 'Đổi ngôn ngữ', en: 'Changed language' },
  'unit.create': { vi: 'Thêm đơn vị hành chính', en: 'Added an administrative unit' },
  'unit.update': { vi: 'Sửa tên đơn vị hành chính', en: 'Renamed an administrative unit' },
  'agency.create': { vi: 'Thêm cơ quan, đơn vị', en: 'Added an agency' },
  'agency.update': { vi: 'Sửa cơ quan, đơn vị', en: 'Changed an agency' },
  'signing_key.rotate': { vi: 'Thay khóa ký tệp xuất', en: 'Rotated the export signing key' },
  'verification_code.issue': { vi: 'Cấp mã tải lên', en: 'Issued an upload code' },
  'audit.export': { vi: 'Xuất nhật ký ra tệp', en: 'Exported the audit log' },
  // Notices to citizens' apps
  'notice.create': { vi: 'Đăng thông báo cho người dân', en: 'Published a notice to citizens' },
  'notice.retire': { vi: 'Gỡ thông báo cho người dân', en: 'Withdrew a notice to citizens' },
  // Campaign reporting.
  'campaign.create': { vi: 'Ban hành chiến dịch báo cáo', en: 'Issued a reporting campaign' },
  'campaign.attach': { vi: 'Đính kèm tệp vào chiến dịch', en: 'Attached a file to a campaign' },
  'campaign.round_add': { vi: 'Thêm đợt báo cáo', en: 'Added a reporting round' },
  'campaign.round_close': { vi: 'Khóa đợt báo cáo', en: 'Closed a reporting round' },
  'campaign.receive': { vi: 'Xác nhận đã nhận văn bản', en: 'Acknowledged a campaign' },
  'campaign.report_save': { vi: 'Lưu nháp báo cáo', en: 'Saved a report draft' },
  'campaign.report_submit': { vi: 'Gửi báo cáo', en: 'Submitted a report' },
  'campaign.report_return': { vi: 'Trả lại báo cáo', en: 'Returned a report' },
  'campaign.report_accept': { vi: 'Chấp nhận báo cáo', en: 'Accepted a report' },
  'campaign.export': { vi: 'Xuất báo cáo tổng hợp', en: 'Exported the combined report' },
  // Health declarations and epidemic areas.
  'epidemic_area.create': { vi: 'Thêm vùng dịch', en: 'Added an epidemic area' },
  'epidemic_area.update': { vi: 'Sửa vùng dịch', en: 'Changed an epidemic area' },
  'epidemic_area.delete': { vi: 'Xóa vùng dịch', en: 'Removed an epidemic area' },
  'declaration.list': { vi: 'Xem danh sách tờ khai y tế', en: 'Listed health declarations' },
  'declaration.read': { vi: 'Xem tờ khai y tế', en: 'Read a health declaration' },
  'declaration.read_by_receipt': { vi: 'Tra cứu tờ khai bằng mã biên nhận', en: 'Looked up a declaration by its receipt' },
  'declaration.update': { vi: 'Cập nhật theo dõi tờ khai', en: 'Updated the follow-up of a declaration' },
  'declaration.rescreen': { vi: 'Đánh giá lại tờ khai theo danh sách vùng dịch mới', en: 'Screened a declaration again after the epidemic areas changed' },
  'declaration.check': { vi: 'Ghi kết quả theo dõi hằng ngày', en: 'Recorded a daily monitoring check' },
  'declaration.self_check': { vi: 'Người khai tự báo sức khỏe hằng ngày', en: 'Daily health self-report by the declarant' },
  'declaration.self_report_key': { vi: 'Cấp lại đường dẫn tự báo sức khỏe', en: 'Issued a new self-report link' },
  'declaration.export': { vi: 'Xuất danh sách tờ khai ra tệp', en: 'Exported a list of declarations' },
  'declaration.purge': { vi: 'Xóa tờ khai quá hạn lưu giữ', en: 'Deleted declarations past their retention' },
  'health_station.update': { vi: 'Sửa thông tin trạm y tế', en: 'Changed a health station’s details' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];
export const auditActionSchema = z.enum(AUDIT_ACTION_NAMES);

export const auditEntrySchema = z.object({
  id: idSchema,
  at: timestampSchema,
  actorId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  /** The unit of the actor when it acted; administrators see the entries of their own unit and the units below it. */
  actorUnitCode: z.string().nullable(),
  action: auditActionSchema,
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** Free JSON: what changed (never a password or a token). */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Filters of the audit log; `from` and `to` are Vietnamese calendar days, both included. */
export const auditFilterSchema = z.object({
  actor: z.string().trim().min(1).max(64).optional(),
  action: auditActionSchema.optional(),
  from: calendarDaySchema.optional(),
  to: calendarDaySchema.optional(),
});
export type AuditFilterQuery = z.infer<typeof auditFilterSchema>;

export const listAuditQuerySchema = auditFilterSchema.extend(pageQuerySchema.shape);
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export const listAuditResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: nextCursorSchema,
});
export type ListAuditResponse = z.infer<typeof listAuditResponseSchema>;
