import type { ExposureNotificationStatsResponse, IssueCodeRequest, IssueCodeResponse, ListCodesResponse, UnitBoundaries } from '@bluezone/contract';
import type { ApiClient } from './client.js';
import type {
  Agency,
  AgencyChanges,
  AgencyInput,
  AuditPage,
  AuditQuery,
  Locale,
  NewUser,
  Role,
  Session,
  Unit,
  UnitDetail,
  User,
  UserChanges,
} from './types.js';

const V1 = '/api/v1';

export interface UserFilter {
  q?: string;
  unit?: string;
  role?: Role | '';
}


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

    listUsers: (filter: UserFilter) => client.get<{ users: User[] }>(`${V1}/users`, { ...filter }),
    createUser: (user: NewUser) => client.post<{ user: User }>(`${V1}/users`, user),
    updateUser: (userId: number, changes: UserChanges) =>
      client.patch<{ user: User }>(`${V1}/users/${id(userId)}`, changes),

    childUnits: (parent?: string) => client.get<Unit[]>(`${V1}/units`, { parent }),
    searchUnits: (q: string) => client.get<Unit[]>(`${V1}/units`, { q }),
    unit: (code: string) => client.get<UnitDetail>(`${V1}/units/${id(code)}`),
    unitBoundaries: () => client.get<UnitBoundaries>(`${V1}/units/boundaries`),

    agencies: (unit: string) => client.get<{ agencies: Agency[] }>(`${V1}/agencies`, { unit }),
    createAgency: (agency: AgencyInput) => client.post<{ agency: Agency }>(`${V1}/agencies`, agency),
    updateAgency: (agencyId: number, changes: AgencyChanges) =>
      client.patch<{ agency: Agency }>(`${V1}/agencies/${id(agencyId)}`, changes),

    audit: (filter: AuditQuery) => client.get<AuditPage>(`${V1}/audit`, { ...filter }),

    issueCode: (request: IssueCodeRequest) => client.post<IssueCodeResponse>(`${V1}/codes`, request),
    listCodes: () => client.get<ListCodesResponse>(`${V1}/codes`),

    exposureNotificationStats: () => client.get<ExposureNotificationStatsResponse>(`${V1}/stats/exposure-notification`),
  };
}

export type BluezoneApi = ReturnType<typeof bluezoneApi>;
