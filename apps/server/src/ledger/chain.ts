import { createHash } from 'node:crypto';
import type { LedgerTransfer } from './ledger-transfer.entity';

/** The hash before the first transfer of a community. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = Omit<LedgerTransfer, 'hash'>;

/**
 * SHA-256 over every field of a transfer and the previous row's hash, in a fixed order; changing,
 * inserting or deleting any row breaks the chain from there on.
 */
export function transferHash(t: ChainedFields): string {
  const fields = [
    t.id,
    t.communityId,
    t.sequence,
    t.phase,
    t.debitAccountId,
    t.creditAccountId,
    t.unit,
    t.amount,
    t.pendingId,
    t.reversesId,
    t.linkId,
    t.code,
    t.refType,
    t.refId,
    t.memo,
    t.idempotencyKey,
    t.requestHash,
    t.createdBy,
    t.createdAt.toISOString(),
    t.prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
