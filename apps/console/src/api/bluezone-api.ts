import type {
  Attachment,
  CampaignListItem,
  CampaignResponse,
  CreateCampaignRequest,
  CreateNoticeRequest,
  ExposureNotificationStatsResponse,
  InboxItem,
  InboxResponse,
  IssueCodeRequest,
  IssueCodeResponse,
  ListCampaignsResponse,
  ListCodesResponse,
  ListNoticesResponse,
  ListNotificationsResponse,
  NewRound,
  Notice,
  NoticeResponse,
  Notification,
  ReportResponse,
  Round,
  SaveReportRequest,
  SummaryResponse,
  TrendResponse,
  UnitBoundaries,
} from '@bluezone/contract';
import type { ApiClient } from './client.js';
import type {
  Agency,
  AgencyChanges,
  AgencyInput,
  NewUnit,
  UnitNames,
  AuditEntry,
  AuditFilter,
  AuditPage,
  IssuedCode,
  Locale,
  NewUser,
  Page,
  Role,
  Session,
  Unit,
  UnitDetail,
  User,
  UserChanges,
} from './types.js';

import { declarationCalls } from './declarations-api.js';

const V1 = '/api/v1';

export interface UserFilter {
  q?: string;
  unit?: string;
  role?: Role | '';
}

/** Where the audit log's spreadsheet is downloaded from; the same filters as the list. */
export const AUDIT_EXPORT_PATH = `${V1}/audit/export.xlsx`;

/** Every list answers `{<rows>, nextCursor}`; the screens read them all as one Page shape. */
const page = <T>(items: T[], nextCursor: string | null | undefined): Page<T> => ({ items, nextCursor: nextCursor ?? null });

/** Typed calls of the /api/v1 endpoints the console uses, one per endpoint. */
export function bluezoneApi(client: ApiClient) {
  const id = (value: string | number) => encodeURIComponent(String(value));
  return {
    login: (username: string, password: string) => client.post<Session>(`${V1}/auth/login`, { username, password }),
    logout: () => client.post<void>(`${V1}/auth/logout`),
    me: () => client.get<Session>(`${V1}/auth/me`),
    setLocale: (locale: Locale) => client.patch<{ user: User }>(`${V1}/auth/me`, { locale }),
    changePassword: (currentPassword: string, newPassword: string) =>
      client.post<void>(`${V1}/auth/password`, { currentPassword, newPassword }),

    listUsers: async (filter: UserFilter, cursor?: string): Promise<Page<User>> => {
      const answer = await client.get<{ users: User[]; nextCursor: string | null }>(`${V1}/users`, { ...filter, cursor });
      return page(answer.users, answer.nextCursor);
    },
    createUser: (user: NewUser) => client.post<{ user: User }>(`${V1}/users`, user),
    updateUser: (userId: number, changes: UserChanges) =>
      client.patch<{ user: User }>(`${V1}/users/${id(userId)}`, changes),

    childUnits: async (parent: string | undefined, cursor?: string): Promise<Page<Unit>> => {
      const answer = await client.get<{ units: Unit[]; nextCursor: string | null }>(`${V1}/units`, { parent, cursor });
      return page(answer.units, answer.nextCursor);
    },
    searchUnits: async (q: string, cursor?: string): Promise<Page<Unit>> => {
      const answer = await client.get<{ units: Unit[]; nextCursor: string | null }>(`${V1}/units`, { q, cursor });
      return page(answer.units, answer.nextCursor);
    },
    unit: (code: string) => client.get<UnitDetail>(`${V1}/units/${id(code)}`),
    unitBoundaries: () => client.get<UnitBoundaries>(`${V1}/units/boundaries`),
    createUnit: (unit: NewUnit) => client.post<UnitDetail>(`${V1}/units`, unit),
    renameUnit: (code: string, names: UnitNames) => client.patch<UnitDetail>(`${V1}/units/${id(code)}`, names),

    agencies: async (unit: string, cursor?: string): Promise<Page<Agency>> => {
      const answer = await client.get<{ agencies: Agency[]; nextCursor: string | null }>(`${V1}/agencies`, { unit, cursor });
      return page(answer.agencies, answer.nextCursor);
    },
    createAgency: (agency: AgencyInput) => client.post<{ agency: Agency }>(`${V1}/agencies`, agency),
    updateAgency: (agencyId: number, changes: AgencyChanges) =>
      client.patch<{ agency: Agency }>(`${V1}/agencies/${id(agencyId)}`, changes),

    audit: async (filter: AuditFilter, cursor?: string): Promise<Page<AuditEntry>> => {
      const answer = await client.get<AuditPage>(`${V1}/audit`, { ...filter, cursor });
      return page(answer.entries, answer.nextCursor);
    },
    auditExport: (filter: AuditFilter) => client.download(AUDIT_EXPORT_PATH, { ...filter }),

    issueCode: (request: IssueCodeRequest) => client.post<IssueCodeResponse>(`${V1}/codes`, request),
    listCodes: async (cursor?: string): Promise<Page<IssuedCode>> => {
      const answer = await client.get<ListCodesResponse>(`${V1}/codes`, { cursor });
      return page(answer.codes, answer.nextCursor);
    },

    notices: async (cursor?: string): Promise<Page<Notice>> => {
      const answer = await client.get<ListNoticesResponse>(`${V1}/notices`, { cursor });
      return page(answer.notices, answer.nextCursor);
    },
    createNotice: (notice: CreateNoticeRequest) => client.post<NoticeResponse>(`${V1}/notices`, notice),
    retireNotice: (noticeId: number) => client.post<NoticeResponse>(`${V1}/notices/${id(noticeId)}/retire`, {}),

    exposureNotificationStats: () => client.get<ExposureNotificationStatsResponse>(`${V1}/stats/exposure-notification`),

    // Notifications: the signed-in official's own.
    notifications: async (cursor?: string, unread?: boolean): Promise<Page<Notification> & { unread: number }> => {
      const answer = await client.get<ListNotificationsResponse>(`${V1}/notifications`, { cursor, unread: unread ? 'true' : undefined });
      return { ...page(answer.notifications, answer.nextCursor), unread: answer.unread };
    },
    markNotificationsRead: (ids: number[] | 'all') => client.post<{ unread: number }>(`${V1}/notifications/read`, ids === 'all' ? { all: true } : { ids }),

    // Campaign reporting.
    campaigns: async (cursor?: string): Promise<Page<CampaignListItem>> => {
      const answer = await client.get<ListCampaignsResponse>(`${V1}/campaigns`, { cursor });
      return page(answer.campaigns, answer.nextCursor);
    },
    createCampaign: (request: CreateCampaignRequest) => client.post<CampaignResponse>(`${V1}/campaigns`, request),
    campaign: (campaignId: number) => client.get<CampaignResponse>(`${V1}/campaigns/${id(campaignId)}`),
    addRound: (campaignId: number, round: NewRound) => client.post<{ round: Round }>(`${V1}/campaigns/${id(campaignId)}/rounds`, round),
    closeRound: (campaignId: number, roundNo: number) => client.post<{ round: Round }>(`${V1}/campaigns/${id(campaignId)}/rounds/${id(roundNo)}/close`),
    attach: (campaignId: number, file: File) =>
      client.upload<{ attachment: Attachment }>(`${V1}/campaigns/${id(campaignId)}/attachments`, { name: file.name }, file),
    attachmentPath: (campaignId: number, attachmentId: number) => `${V1}/campaigns/${id(campaignId)}/attachments/${id(attachmentId)}`,
    summary: (campaignId: number, roundNo: number) => client.get<SummaryResponse>(`${V1}/campaigns/${id(campaignId)}/rounds/${id(roundNo)}/summary`),
    trend: (campaignId: number) => client.get<TrendResponse>(`${V1}/campaigns/${id(campaignId)}/trend`),
    exportRound: (campaignId: number, roundNo: number | undefined, format: 'docx' | 'xlsx') =>
      client.download(roundNo === undefined ? `${V1}/campaigns/${id(campaignId)}/export.${format}` : `${V1}/campaigns/${id(campaignId)}/rounds/${id(roundNo)}/export.${format}`),
    returnReport: (campaignId: number, roundNo: number, recipientId: number, comment: string) =>
      client.post<ReportResponse>(`${V1}/campaigns/${id(campaignId)}/rounds/${id(roundNo)}/reports/${id(recipientId)}/return`, { comment }),
    acceptReport: (campaignId: number, roundNo: number, recipientId: number) =>
      client.post<ReportResponse>(`${V1}/campaigns/${id(campaignId)}/rounds/${id(roundNo)}/reports/${id(recipientId)}/accept`),
    inbox: async (cursor?: string): Promise<Page<InboxItem>> => {
      const answer = await client.get<InboxResponse>(`${V1}/inbox`, { cursor });
      return page(answer.items, answer.nextCursor);
    },
    markReceived: (campaignId: number) => client.post<CampaignResponse>(`${V1}/campaigns/${id(campaignId)}/received`),
    ownReport: (campaignId: number, roundNo: number) => client.get<ReportResponse>(`${V1}/campaigns/${id(campaignId)}/rounds/${id(roundNo)}/report`),
    saveReport: (campaignId: number, roundNo: number, report: SaveReportRequest) =>
      client.put<ReportResponse>(`${V1}/campaigns/${id(campaignId)}/rounds/${id(roundNo)}/report`, report),
    submitReport: (campaignId: number, roundNo: number) => client.post<ReportResponse>(`${V1}/campaigns/${id(campaignId)}/rounds/${id(roundNo)}/report/submit`),

    // Health declarations, epidemic areas, places and notifications.
    ...declarationCalls(client),
  };
}

export type BluezoneApi = ReturnType<typeof bluezoneApi>;
