import type {
  AuditAction,
  AuditActorRole,
  AuditTargetType,
  RouteAudit,
  RouteAccess,
} from '@redvest/contract';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuthContext } from '../auth/auth-context';

/** What a use case says about the change it made (or the file it served); the rest comes from the request. */
export interface AuditNote {
  targetType: AuditTargetType;
  targetId: string;
  /** The member the action concerns (whose points, whose roles, whose file), if any. */
  subjectId?: string | null;
  /** What changed, in words. No secrets, phones, addresses or ID numbers, nothing a resident wrote. */
  summary: string;
  /** One of the route's actions (`RoutePolicy.audit.actions`); the first when left out. */
  action?: AuditAction;
  /** Defaults to the community of the route. */
  communityId?: string;
  /** Defaults to the highest role the caller holds in that community. */
  actingAs?: AuditActorRole;
}

/** An audited request in progress: set by the interceptor around the handler, read by `AuditTrail`. */
export interface AuditRequest {
  route: string;
  /** What the route declares; null when it records nothing (the caller acts only for themselves). */
  spec: RouteAudit | null;
  access: RouteAccess;
  auth: AuthContext;
  params: Record<string, string>;
  ip: string | null;
  userAgent: string | null;
  /**
   * A HEAD request: answered as the GET, but its body is never sent, so nothing is handed out or shown and
   * nothing is written down.
   */
  head: boolean;
  /** A use case wrote its entry in its transaction, or said the call changed nothing. */
  settled: boolean;
  /** A file or list to be written down when it is served. */
  served?: AuditNote;
}

export const auditRequests = new AsyncLocalStorage<AuditRequest>();
