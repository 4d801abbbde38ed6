import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.entity';

export type ChainedAuditFields = Omit<AuditEntry, 'hash'>;

/** SHA-256 over every field of an entry and the previous entry's hash, in a fixed order. */
export function auditHash(e: ChainedAuditFields): string {
  const fields = [
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
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
