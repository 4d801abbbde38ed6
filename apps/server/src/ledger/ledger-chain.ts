import { ErrorCode, TransferCode, Unit } from '@redvest/contract';
import { applyDelta, decideMove, isRefusal, needsCover, Phase, Side } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, refusedWith } from '../common/domain-error';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { columnsOf, execute, hydrate, insertRows } from '../database/rows';
import { ChainHead } from './chain-head.entity';
import { GENESIS_HASH, transferHash } from './chain';
import { periodsOf, totalsDelta } from './earnings';
import { LedgerAccount } from './ledger-account.entity';
import { LedgerTransfer } from './ledger-transfer.entity';
import { OpenPending } from './open-pending.entity';

/** A transfer to write, with its two accounts as rows; the chain gives it its id, sequence and hashes. */
export type ChainEntry = Omit<
  LedgerTransfer,
  'id' | 'communityId' | 'sequence' | 'debitAccountId' | 'creditAccountId' | 'createdAt' | 'prevHash' | 'hash'
> & {
  debit: LedgerAccount;
  credit: LedgerAccount;
};

/**
 * The community's chain of transfers: the lock that puts every ledger write of a community one after
 * another, and the append that writes a transfer with the totals it moves and the hash that links it.
 */
@Injectable()
export class LedgerChain {
  constructor(private readonly db: Db) {}

  /**
   * Locks the community's chain head, creating it on the first transfer. The row is locked with a plain
   * `SELECT … FOR UPDATE` first: an `INSERT IGNORE` on an existing row would take a shared lock that
   * every waiting transaction then tries to upgrade, which deadlocks under load.
   */
  async lock(em: EntityManager, communityId: string): Promise<ChainHead> {
    const head = await this.lockedHead(em, communityId);
    if (head) return head;
    await em
      .createQueryBuilder()
      .insert()
      .into(ChainHead)
      .values({ communityId, lastSequence: 0, lastHash: GENESIS_HASH })
      .orIgnore()
      .updateEntity(false)
      .execute();
    return (await this.lockedHead(em, communityId))!;
  }

  private async lockedHead(em: EntityManager, communityId: string): Promise<ChainHead | null> {
    const [row] = await em.query(
      `SELECT ${columnsOf(em, ChainHead, 'h')} FROM ledger_chain_heads h WHERE h.community_id = ?${this.db.forUpdateSql}`,
      [communityId],
    );
    return row ? hydrate(em, ChainHead, row, 'h') : null;
  }

  /**
   * Writes one transfer: moves the four totals of both accounts (a member's debit only when covered),
   * links the row into the chain, keeps the approvals queue, and records what was earned and spent per period.
   * `reversedCode`: for a reversal, the code of the transfer it corrects.
   */
  async append(
    em: EntityManager,
    head: ChainHead,
    entry: ChainEntry,
    reversedCode?: TransferCode,
  ): Promise<LedgerTransfer> {
    const { debit, credit, ...fields } = entry;
    await this.move(em, debit, entry.phase, 'debit', entry.amount);
    await this.move(em, credit, entry.phase, 'credit', entry.amount);
    const row: Omit<LedgerTransfer, 'hash'> = {
      ...fields,
      id: newId(),
      communityId: head.communityId,
      sequence: head.lastSequence + 1,
      debitAccountId: debit.id,
      creditAccountId: credit.id,
      createdAt: new Date(),
      prevHash: head.lastHash,
    };
    const transfer = { ...row, hash: transferHash(row) } as LedgerTransfer;
    await insertRows(em, LedgerTransfer, [transfer]);
    await this.keepQueue(em, transfer, credit);
    await execute(
      em,
      'UPDATE ledger_chain_heads SET last_sequence = ?, last_hash = ? WHERE community_id = ?',
      [transfer.sequence, transfer.hash, head.communityId],
    );
    head.lastSequence = transfer.sequence;
    head.lastHash = transfer.hash;
    const moved = totalsDelta(transfer, debit, credit, reversedCode);
    if (moved) await this.addTotals(em, head.communityId, transfer.unit, moved, transfer.createdAt);
    return transfer;
  }

  /** A pending transfer joins the approvals queue; the row that posts or voids it takes it out. */
  private async keepQueue(em: EntityManager, transfer: LedgerTransfer, credit: LedgerAccount) {
    if (transfer.phase === 'pending') {
      await insertRows(em, OpenPending, [
        { communityId: transfer.communityId, transferId: transfer.id, userId: credit.userId },
      ]);
    } else if (transfer.pendingId) {
      await execute(em, 'DELETE FROM ledger_open_pendings WHERE community_id = ? AND transfer_id = ?', [
        transfer.communityId,
        transfer.pendingId,
      ]);
    }
  }

  /**
   * Moves an account's totals. A debit that needs cover is also a condition of the UPDATE itself, so that
   * two debits at once cannot both pass on totals read before either.
   */
  private async move(em: EntityManager, account: LedgerAccount, phase: Phase, side: Side, amount: number) {
    const isMember = account.userId !== null;
    const d = decideMove({ isMember, totals: account }, phase, side, amount);
    if (isRefusal(d)) throw refusedWith(d);
    const guarded = needsCover(isMember, phase, side);
    const cover = guarded ? ' AND credits_posted - debits_posted - debits_pending >= ?' : '';
    const changed = await execute(
      em,
      `UPDATE ledger_accounts SET credits_posted = credits_posted + ?, debits_posted = debits_posted + ?, credits_pending = credits_pending + ?, debits_pending = debits_pending + ? WHERE id = ?${cover}`,
      [
        d.creditsPosted,
        d.debitsPosted,
        d.creditsPending,
        d.debitsPending,
        account.id,
        ...(guarded ? [amount] : []),
      ],
    );
    if (guarded && changed === 0) throw new DomainError(ErrorCode.InsufficientPoints);
    Object.assign(account, applyDelta(account, d));
  }

  /**
   * One statement for the three periods: an upsert that adds to what is there. A new row is on the
   * leaderboard when the user is a member (read under the chain's lock, as membership changes mark it).
   */
  private async addTotals(
    em: EntityManager,
    communityId: string,
    unit: Unit,
    { userId, earned, spent }: { userId: string; earned: number; spent: number },
    at: Date,
  ) {
    const periods = periodsOf(at);
    const member = 'EXISTS (SELECT 1 FROM memberships WHERE community_id = ? AND user_id = ?)';
    const values = periods.map(() => `(?, ?, ?, ?, ?, ?, ${member})`).join(', ');
    const upsert = this.db.isMysql
      ? 'ON DUPLICATE KEY UPDATE earned = earned + VALUES(earned), spent = spent + VALUES(spent)'
      : 'ON CONFLICT (user_id, community_id, unit, period) DO UPDATE SET earned = earned + excluded.earned, spent = spent + excluded.spent';
    await em.query(
      `INSERT INTO ledger_period_totals (community_id, user_id, unit, period, earned, spent, is_member) VALUES ${values} ${upsert}`,
      periods.flatMap((period) => [communityId, userId, unit, period, earned, spent, communityId, userId]),
    );
  }
}
