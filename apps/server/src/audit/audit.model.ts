import type { AuditAction, AuditEntry, AuditFilterQuery } from '@bluezone/contract';

export type { AuditAction, AuditEntry };

/** Who did something: a signed-in official, or nobody (a failed sign-in, the system at start-up). */
export interface Actor {
  id: number | null;
  username: string | null;
  /** The official's unit when they acted; null for the system and for unknown names. */
  unitCode: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, username: 'system', unitCode: null };

export function actorOf(user: { id: number; username: string; unitCode: string }): Actor {
  return { id: user.id, username: user.username, unitCode: user.unitCode };
}

export interface AuditEvent {
  actor: Actor;
  /** One of the contract's AUDIT_ACTIONS, which label it in both languages. */
  action: AuditAction;
  targetType?: string;
  targetId?: string | number;
  /** What changed or what was read; never a password, a token or a hash. */
  detail?: Record<string, unknown>;
}

/**
 * A filter of the log within a viewer's scope: entries of actors in the subtree of `scopeUnit`. Entries without a unit
 * (the system, failed sign-ins under unknown names) belong to the top of the tree, so only its officials see them.
 */
export interface AuditFilter extends AuditFilterQuery {
  scopeUnit: string;
}
