import type { ApiClient } from './client.js';
import type {
  Agency,
  AgencyInput,
  AuditPage,
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

export interface AuditFilter {
  limit?: number;
  before?: string;
  actor?: string;
  action?: string;
}

/** The contract documents a bare array; accept the `{ units }` envelope too, as the other lists use one. */
type UnitList = Unit[] | { units: Unit[] };
export function unitsOf(body: UnitList): Unit[] {
  return Array.isArray(body) ? body : body.units;
}

/** Typed calls of the /api/v1 endpoints the console uses, one per endpoint. */
export function bluezoneApi(client: ApiClient) {
  const id = (value: string) => encodeURIComponent(value);
  return {
    login: (username: string, password: string) => client.post<Session>(`${V1}/auth/login`, { username, password }),
    logout: () => client.post<void>(`${V1}/auth/logout`),
    me: () => client.get<Session>(`${V1}/auth/me`),
    setLocale: (locale: Locale) => client.patch<{ user: User }>(`${V1}/auth/me`, { locale }),
    changePassword: (currentPassword: string, newPassword: string) =>
      client.post<void>(`${V1}/auth/password`, { currentPassword, newPassword }),

    listUsers: (filter: UserFilter) => client.get<{ users: User[] }>(`${V1}/users`, { ...filter }),
    createUser: (user: NewUser) => client.post<{ user: User }>(`${V1}/users`, user),
    updateUser: (userId: string, changes: UserChanges) =>
      client.patch<{ user: User }>(`${V1}/users/${id(userId)}`, changes),

    childUnits: (parent?: string) => client.get<UnitList>(`${V1}/units`, { parent }).then(unitsOf),
    searchUnits: (q: string) => client.get<UnitList>(`${V1}/units`, { q }).then(unitsOf),
    unit: (code: string) => client.get<UnitDetail>(`${V1}/units/${id(code)}`),

    agencies: (unit: string) => client.get<{ agencies: Agency[] }>(`${V1}/agencies`, { unit }),
    createAgency: (agency: AgencyInput) => client.post<{ agency: Agency }>(`${V1}/agencies`, agency),
    updateAgency: (agencyId: string, changes: Partial<AgencyInput>) =>
      client.patch<{ agency: Agency }>(`${V1}/agencies/${id(agencyId)}`, changes),

    audit: (filter: AuditFilter) => client.get<AuditPage>(`${V1}/audit`, { ...filter }),
  };
}

export type BluezoneApi = ReturnType<typeof bluezoneApi>;
