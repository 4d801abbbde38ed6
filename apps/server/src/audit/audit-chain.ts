import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.entity';

export type ChainedAuditFields = Omit<AuditEntry, 'hash'>;

/** The hash version new entries are written with. */
export const AUDIT_HASH_VERSION = 2;

/**
 * SHA-256 over the fields of an entry and the previous entry's hash, in a fixed order.
 * - Version 1, the entries written before the actor's name was stored: the fourteen original fields, exactly as
 *   they were hashed then, so those entries verify unchanged.
 * - Version 2: the same, then the version and the actor's name, so a changed name breaks the chain; so does a
 *   version changed to 1, since the hash no longer matches the shorter list.
 * The name filled into version-1 entries afterwards is outside their hash: it was not part of the entry when
 * it was chained.
 */
export function auditHash(e: ChainedAuditFields): string {
  const fields: unknown[] = [
    e.id,
    e.communityId,
    e.sequence,
    e.occurredAt.toISOString(),
    e.actorId,
    e.actorRole,
    e.action,
    e.targetType,
    e.targetId,
    e.subjectId,
    e.summary,
    e.ip,
    e.userAgent,
    e.prevHash,
  ];
  if (e.hashVersion !== 1) fields.push(e.hashVersion, e.actorName);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
