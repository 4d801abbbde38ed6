import { toIsoLocal, TRANSFER_CODE_LABELS, TransferStatus, TransferView } from '@redvest/contract';
import { EntityManager, In } from 'typeorm';
import { LedgerTransfer } from './ledger-transfer.entity';

/**
 * A transfer's status is derived, never stored (rows are append-only): a pending row is posted or voided
 * when a row names it in `pendingId`; a posted one is reversed when a row names it in `reversesId`.
 */
export async function statusesOf(
  em: EntityManager,
  transfers: LedgerTransfer[],
): Promise<Map<string, TransferStatus>> {
  const ids = transfers.map((t) => t.id);
  const statuses = new Map<string, TransferStatus>();
  if (ids.length === 0) return statuses;
  const followers = await em.find(LedgerTransfer, {
    where: [{ pendingId: In(ids) }, { reversesId: In(ids) }],
    select: { id: true, phase: true, pendingId: true, reversesId: true },
  });
  const resolution = new Map(followers.filter((f) => f.pendingId).map((f) => [f.pendingId!, f.phase]));
  const reversed = new Set(followers.filter((f) => f.reversesId).map((f) => f.reversesId!));
  for (const t of transfers) {
    let status: TransferStatus =
      t.phase !== 'pending'
        ? TransferStatus.Posted
        : resolution.get(t.id) === 'post'
          ? TransferStatus.Posted
          : resolution.get(t.id) === 'void'
            ? TransferStatus.Voided
            : TransferStatus.Pending;
    if (status === TransferStatus.Posted && reversed.has(t.id)) status = TransferStatus.Reversed;
    statuses.set(t.id, status);
  }
  return statuses;
}

export function transferView(t: LedgerTransfer, status: TransferStatus): TransferView {
  return {
    id: t.id,
    communityId: t.communityId,
    unit: t.unit,
    amount: t.amount,
    code: t.code,
    codeLabel: TRANSFER_CODE_LABELS[t.code],
    memo: t.memo,
    reference: t.refType && t.refId ? { type: t.refType, id: t.refId } : null,
    linkId: t.linkId,
    status,
    createdAt: toIsoLocal(t.createdAt),
    createdBy: t.createdBy,
  };
}

export async function transferViews(em: EntityManager, transfers: LedgerTransfer[]): Promise<TransferView[]> {
  const statuses = await statusesOf(em, transfers);
  return transfers.map((t) => transferView(t, statuses.get(t.id)!));
}
