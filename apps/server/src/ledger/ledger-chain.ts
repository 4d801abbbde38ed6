import { ErrorCode, TransferCode, Unit } from '@redvest/contract';
import {
  applyDelta,
  decideMove,
  isRefusal,
  needsCover,
  Phase,
  Side,
  Totals,
  ZERO_TOTALS,
} from '@redvest/domain';
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
import { accountsById, accountsOf, AccountOwner, ownerKey } from './ledger-accounts';
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
  /**
   * The heads each transaction has locked (its EntityManager is its own): a transaction that appends
   * several times, or a group commit's units, lock and read the head once. The head moves only here.
   */
  private readonly held = new WeakMap<EntityManager, Map<string, ChainHead>>();
  /** Transactions whose head rows and period totals are written once, at `flush`, not with each append. */
  private readonly deferred = new WeakMap<EntityManager, Deferred>();

  constructor(private readonly db: Db) {}

  /**
   * Locks the community's chain head, creating it on the first transfer. The row is locked with a plain
   * `SELECT … FOR UPDATE` first: an `INSERT IGNORE` on an existing row would take a shared lock that
   * every waiting transaction then tries to upgrade, which deadlocks under load.
   */
  async lock(em: EntityManager, communityId: string): Promise<ChainHead> {
    let held = this.held.get(em);
    if (!held) this.held.set(em, (held = new Map()));
    let head = held.get(communityId);
    if (!head) held.set(communityId, (head = await this.lockOrCreate(em, communityId)));
    return head;
  }

  private async lockOrCreate(em: EntityManager, communityId: string): Promise<ChainHead> {
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
   * The owners' accounts (ledger-accounts.ts). A transaction that defers answers the accounts it has
   * already read from what it holds: their totals there include the moves not yet written.
   */
  async accounts(
    em: EntityManager,
    communityId: string,
    owners: AccountOwner[],
    unit: Unit,
  ): Promise<LedgerAccount[]> {
    const deferred = this.deferred.get(em);
    if (!deferred) return accountsOf(em, communityId, owners, unit);
    const key = (owner: AccountOwner) => `${communityId}|${ownerKey(owner)}|${unit}`;
    const missing = owners.filter((owner) => !deferred.byOwner.has(key(owner)));
    if (missing.length > 0)
      for (const account of await accountsOf(em, communityId, missing, unit)) deferred.hold(account);
    return owners.map((owner) => deferred.byOwner.get(key(owner))!);
  }

  /** The accounts with these ids, in the order given; held ones as the transaction holds them. */
  async accountsById(em: EntityManager, ids: string[]): Promise<LedgerAccount[]> {
    const deferred = this.deferred.get(em);
    if (!deferred) return accountsById(em, ids);
    const missing = ids.filter((id) => !deferred.byId.has(id));
    if (missing.length > 0) for (const account of await accountsById(em, missing)) deferred.hold(account);
    return ids.map((id) => deferred.byId.get(id)!);
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
    head.lastSequence = transfer.sequence;
    head.lastHash = transfer.hash;
    const moved = totalsDelta(transfer, debit, credit, reversedCode);
    const deferred = this.deferred.get(em);
    if (deferred) {
      deferred.heads.add(head);
      if (moved) deferred.add(head.communityId, transfer.unit, moved, transfer.createdAt);
      return transfer;
    }
    await this.writeHead(em, head);
    if (moved)
      await this.addTotals(em, periodRows(head.communityId, transfer.unit, moved, transfer.createdAt));
    return transfer;
  }

  /**
   * From now on in this transaction, appends leave the head rows and the period totals to `flush`, which
   * writes each once (the group commit's units, all under one lock of the chain). The head row is read
   * only through `lock`, which answers from what this transaction holds, and the totals only by readers
   * outside it, so nothing in between misses them. Writes that may be rolled back to a savepoint must not
   * defer: what was deferred would not be rolled back with them.
   */
  defer(em: EntityManager): void {
    this.deferred.set(em, new Deferred());
  }

  async flush(em: EntityManager): Promise<void> {
    const deferred = this.deferred.get(em);
    if (!deferred) return;
    this.deferred.delete(em);
    for (const head of deferred.heads) await this.writeHead(em, head);
    await this.moveAll(em, deferred);
    await this.addTotals(em, [...deferred.totals.values()]);
  }

  /** Every held account's moves in one statement. */
  private async moveAll(em: EntityManager, deferred: Deferred) {
    const moved = [...deferred.moves];
    if (moved.length === 0) return;
    const byId = moved.map(() => 'WHEN ? THEN ?').join(' ');
    const sets = TOTALS.map(([column]) => `${column} = ${column} + CASE id ${byId} END`).join(', ');
    await execute(em, `UPDATE ledger_accounts SET ${sets} WHERE id IN (${moved.map(() => '?').join(', ')})`, [
      ...TOTALS.flatMap(([, field]) => moved.flatMap(([account, d]) => [account.id, d[field]])),
      ...moved.map(([account]) => account.id),
    ]);
  }

  private writeHead(em: EntityManager, head: ChainHead) {
    return execute(
      em,
      'UPDATE ledger_chain_heads SET last_sequence = ?, last_hash = ? WHERE community_id = ?',
      [head.lastSequence, head.lastHash, head.communityId],
    );
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
    const deferred = this.deferred.get(em);
    if (deferred) {
      // Under the chain's lock the held totals are the account's: the cover was checked on them.
      deferred.move(account, d);
      Object.assign(account, applyDelta(account, d));
      return;
    }
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
   * One statement for all the rows: an upsert that adds to what is there. A new row is on the leaderboard
   * when the user is a member (read under the chain's lock, as membership changes mark it).
   */
  private async addTotals(em: EntityManager, rows: PeriodRow[]) {
    if (rows.length === 0) return;
    const member = 'EXISTS (SELECT 1 FROM memberships WHERE community_id = ? AND user_id = ?)';
    const values = rows.map(() => `(?, ?, ?, ?, ?, ?, ${member})`).join(', ');
    const upsert = this.db.isMysql
      ? 'ON DUPLICATE KEY UPDATE earned = earned + VALUES(earned), spent = spent + VALUES(spent)'
      : 'ON CONFLICT (user_id, community_id, unit, period) DO UPDATE SET earned = earned + excluded.earned, spent = spent + excluded.spent';
    await em.query(
      `INSERT INTO ledger_period_totals (community_id, user_id, unit, period, earned, spent, is_member) VALUES ${values} ${upsert}`,
      rows.flatMap((r) => [
        r.communityId,
        r.userId,
        r.unit,
        r.period,
        r.earned,
        r.spent,
        r.communityId,
        r.userId,
      ]),
    );
  }
}

interface PeriodRow {
  communityId: string;
  userId: string;
  unit: Unit;
  period: string;
  earned: number;
  spent: number;
}

type Moved = { userId: string; earned: number; spent: number };

/** What one transfer adds to its member's totals of the three periods it falls in. */
function periodRows(communityId: string, unit: Unit, moved: Moved, at: Date): PeriodRow[] {
  return periodsOf(at).map((period) => ({ communityId, unit, period, ...moved }));
}

const TOTALS: [string, keyof Totals][] = [
  ['credits_posted', 'creditsPosted'],
  ['debits_posted', 'debitsPosted'],
  ['credits_pending', 'creditsPending'],
  ['debits_pending', 'debitsPending'],
];

/**
 * What a deferring transaction holds until LedgerChain.flush: the accounts it read (their totals moved
 * in memory) and their moves summed, the heads it moved, and the period totals summed.
 */
class Deferred {
  readonly heads = new Set<ChainHead>();
  readonly totals = new Map<string, PeriodRow>();
  readonly byId = new Map<string, LedgerAccount>();
  readonly byOwner = new Map<string, LedgerAccount>();
  readonly moves = new Map<LedgerAccount, Totals>();

  hold(account: LedgerAccount) {
    this.byId.set(account.id, account);
    this.byOwner.set(`${account.communityId}|${account.owner}|${account.unit}`, account);
  }

  move(account: LedgerAccount, d: Totals) {
    this.moves.set(account, applyDelta(this.moves.get(account) ?? ZERO_TOTALS, d));
  }

  add(communityId: string, unit: Unit, moved: Moved, at: Date) {
    for (const row of periodRows(communityId, unit, moved, at)) {
      const key = [row.communityId, row.userId, row.unit, row.period].join('|');
      const sum = this.totals.get(key);
      if (sum) {
        sum.earned += row.earned;
        sum.spent += row.spent;
      } else this.totals.set(key, row);
    }
  }
}
