import type { AuditEntry } from '@bluezone/contract';

export type { AuditEntry };

/** Who did something: a signed-in user, or nobody (a failed sign-in, the system at start-up). */
export interface Actor {
  id: number | null;
  username: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, username: 'system' };

export interface AuditEvent {
  actor: Actor;
  /** Dotted verb: `auth.login`, `auth.login_failed`, `user.create`, `user.list`, ... */
  action: string;
  targetType?: string;
  targetId?: string | number;
  /** What changed or what was read; never a password, a token or a hash. */
  detail?: Record<string, unknown>;
}

export interface AuditFilter {
  limit: number;
  before?: number;
  actor?: string;
  action?: string;
}
