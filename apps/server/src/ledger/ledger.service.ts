import { ErrorCode, SystemAccount, TransferCode, Unit } from '@redvest/contract';
import { applyDelta, canDebit, deltaFor, Phase, Side, Totals } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { ChainHead } from './chain-head.entity';
import { requestFingerprint } from '../common/request-fingerprint';
import { GENESIS_HASH, transferHash } from './chain';
import { LedgerAccount } from './ledger-account.entity';
import { LedgerTransfer } from './ledger-transfer.entity';
import { earningDelta, periodsOf } from './earnings';

export type AccountOwner = { userId: string } | { system: SystemAccount };

export interface Reference {
  type: string;
  id: string;
}

interface NewTransfer {
  communityId: string;
  phase: 'pending' | 'single';
  debit: AccountOwner;
  credit: AccountOwner;
  unit: Unit;
  amount: number;
  code: TransferCode;
  ref?: Reference;
  memo?: string;
  linkId?: string;
  reversesId?: string;
  idempotencyKey: string;
  /** What was asked for: a retry with the same key must ask for the same. */
  request: Record<string, unknown>;
  createdBy: string | null;
}

export interface AwardInput {
  communityId: string;
  userId: string;
  unit: Unit;
  amount: number;
  code: TransferCode;
  ref?: Reference;
  memo?: string;
  /** Awards that belong together (the points and the minutes of one attendance) share a link id. */
  linkId?: string;
  /** Posted at once instead of waiting for a secretary. */
  autoPost: boolean;
  /** Derived from what the award pays for, e.g. `checkin:<attendanceId>:points`. */
  idempotencyKey: string;
  createdBy: string | null;
}

export interface Outcome {
  transfer: LedgerTransfer;
  /** True when the idempotency key had been used for this very request: nothing moved this time. */
  replayed: boolean;
}

const ownerKey = (owner: AccountOwner) => ('userId' in owner ? owner.userId : `system:${owner.system}`);

/**
 * 爱心银行: the only code that writes transfers and account totals (DESIGN §4). Every method runs inside
 * the caller's transaction and starts by locking the community's chain head, so all ledger writes of a
 * community happen one after another, in the order of the chain.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly db: Db) {}

  /** Points or minutes earned by service: from the community's ISSUANCE account, pending or posted. */
  award(em: EntityManager, input: AwardInput): Promise<Outcome> {
    const {
      communityId,
      userId,
      unit,
      amount,
      code,
      ref,
      memo,
      linkId,
      autoPost,
      idempotencyKey,
      createdBy,
    } = input;
    return this.transfer(em, {
      communityId,
      phase: autoPost ? 'single' : 'pending',
      debit: { system: SystemAccount.Issuance },
      credit: { userId },
      unit,
      amount,
      code,
      ref,
      memo,
      linkId,
      idempotencyKey,
      request: { userId, unit, amount, code, ref: ref ? `${ref.type}:${ref.id}` : null, autoPost },
      createdBy,
    });
  }

  /** A secretary's manual credit (amount > 0) or debit (amount < 0), posted at once. */
  adjust(
    em: EntityManager,
    input: {
      communityId: string;
      userId: string;
      unit: Unit;
      amount: number;
      reason: string;
      idempotencyKey: string;
      createdBy: string;
    },
  ): Promise<Outcome> {
    const user = { userId: input.userId };
    const adjustment = { system: SystemAccount.Adjustment };
    return this.transfer(em, {
      communityId: input.communityId,
      phase: 'single',
      debit: input.amount > 0 ? adjustment : user,
      credit: input.amount > 0 ? user : adjustment,
      unit: input.unit,
      amount: Math.abs(input.amount),
      code: TransferCode.Adjustment,
      memo: input.reason,
      idempotencyKey: input.idempotencyKey,
      request: { userId: input.userId, unit: input.unit, amount: input.amount, reason: input.reason },
      createdBy: input.createdBy,
    });
  }

  /** Points paid for goods (to REDEMPTION), or given back when the order is cancelled. */
  redeem(
    em: EntityManager,
    input: {
      communityId: string;
      userId: string;
      amount: number;
      ref: Reference;
      memo: string;
      idempotencyKey: string;
      createdBy: string;
    },
    direction: 'spend' | 'refund',
  ): Promise<Outcome> {
    const user = { userId: input.userId };
    const redemption = { system: SystemAccount.Redemption };
    return this.transfer(em, {
      communityId: input.communityId,
      phase: 'single',
      debit: direction === 'spend' ? user : redemption,
      credit: direction === 'spend' ? redemption : user,
      unit: Unit.Points,
      amount: input.amount,
      code: direction === 'spend' ? TransferCode.Redemption : TransferCode.Refund,
      ref: input.ref,
      memo: input.memo,
      idempotencyKey: input.idempotencyKey,
      request: {
        userId: input.userId,
        amount: input.amount,
        ref: `${input.ref.type}:${input.ref.id}`,
        direction,
      },
      createdBy: input.createdBy,
    });
  }

  /** Approves a pending transfer, and every pending transfer linked to it, in this one transaction. */
  async post(
    em: EntityManager,
    communityId: string,
    transferId: string,
    actorId: string,
  ): Promise<LedgerTransfer[]> {
    return this.resolve(em, communityId, transferId, actorId, 'post', null);
  }

  /** Rejects a pending transfer (and those linked to it), releasing the reserved amount. */
  async void(
    em: EntityManager,
    communityId: string,
    transferId: string,
    actorId: string,
    reason: string,
  ): Promise<LedgerTransfer[]> {
    return this.resolve(em, communityId, transferId, actorId, 'void', reason);
  }

  /** A correcting transfer the other way; refused when it would take a member below zero. */
  async reverse(
    em: EntityManager,
    communityId: string,
    transferId: string,
    actorId: string,
    reason: string,
  ): Promise<Outcome> {
    const head = await this.lockChain(em, communityId);
    const original = await em.findOne(LedgerTransfer, { where: { id: transferId, communityId } });
    if (!original) throw new DomainError(ErrorCode.TransferNotFound);
    if (original.phase === 'post' || original.phase === 'void' || original.code === TransferCode.Reversal) {
      throw new DomainError(ErrorCode.TransferNotPosted);
    }
    if (original.phase === 'pending') {
      const resolution = await em.findOne(LedgerTransfer, { where: { pendingId: original.id } });
      if (resolution?.phase !== 'post') throw new DomainError(ErrorCode.TransferNotPosted);
    }
    if (await em.findOne(LedgerTransfer, { where: { reversesId: original.id } })) {
      throw new DomainError(ErrorCode.TransferAlreadyReversed);
    }
    const [debit, credit] = await this.accountsById(em, [original.creditAccountId, original.debitAccountId]);
    const transfer = await this.append(
      em,
      head,
      {
        phase: 'single',
        debit,
        credit,
        unit: original.unit,
        amount: original.amount,
        code: TransferCode.Reversal,
        refType: 'transfer',
        refId: original.id,
        memo: reason,
        reversesId: original.id,
        linkId: null,
        pendingId: null,
        idempotencyKey: `reverse:${original.id}`,
        requestHash: requestFingerprint({ reverses: original.id }),
        createdBy: actorId,
      },
      original.code,
    );
    return { transfer, replayed: false };
  }

  /**
   * Locks the community's chain head, creating it on the first transfer. The row is locked with a plain
   * `SELECT … FOR UPDATE` first: an `INSERT IGNORE` on an existing row would take a shared lock that
   * every waiting transaction then tries to upgrade, which deadlocks under load.
   */
  async lockChain(em: EntityManager, communityId: string): Promise<ChainHead> {
    const head = await em.findOne(ChainHead, { where: { communityId }, ...this.db.forUpdate });
    if (head) return head;
    await em
      .createQueryBuilder()
      .insert()
      .into(ChainHead)
      .values({ communityId, lastSequence: 0, lastHash: GENESIS_HASH })
      .orIgnore()
      .updateEntity(false)
      .execute();
    return em.findOneOrFail(ChainHead, { where: { communityId }, ...this.db.forUpdate });
  }

  private async transfer(em: EntityManager, input: NewTransfer): Promise<Outcome> {
    const head = await this.lockChain(em, input.communityId);
    const requestHash = requestFingerprint(input.request);
    const existing = await em.findOne(LedgerTransfer, {
      where: { communityId: input.communityId, idempotencyKey: input.idempotencyKey },
    });
    if (existing) {
      if (existing.requestHash !== requestHash) throw new DomainError(ErrorCode.IdempotencyKeyReused);
      return { transfer: existing, replayed: true };
    }
    const debit = await this.account(em, input.communityId, input.debit, input.unit);
    const credit = await this.account(em, input.communityId, input.credit, input.unit);
    const transfer = await this.append(em, head, {
      phase: input.phase,
      debit,
      credit,
      unit: input.unit,
      amount: input.amount,
      code: input.code,
      refType: input.ref?.type ?? null,
      refId: input.ref?.id ?? null,
      memo: input.memo ?? null,
      linkId: input.linkId ?? null,
      pendingId: null,
      reversesId: input.reversesId ?? null,
      idempotencyKey: input.idempotencyKey,
      requestHash,
      createdBy: input.createdBy,
    });
    return { transfer, replayed: false };
  }

  private async resolve(
    em: EntityManager,
    communityId: string,
    transferId: string,
    actorId: string,
    phase: 'post' | 'void',
    reason: string | null,
  ): Promise<LedgerTransfer[]> {
    const head = await this.lockChain(em, communityId);
    const target = await em.findOne(LedgerTransfer, { where: { id: transferId, communityId } });
    if (!target) throw new DomainError(ErrorCode.TransferNotFound);
    if (target.phase !== 'pending') throw new DomainError(ErrorCode.TransferNotPending);
    const group = target.linkId
      ? await em.find(LedgerTransfer, {
          where: { communityId, linkId: target.linkId, phase: 'pending' },
          order: { sequence: 'ASC' },
        })
      : [target];
    const resolved = new Set(
      (await em.find(LedgerTransfer, { where: { pendingId: In(group.map((t) => t.id)) } })).map(
        (r) => r.pendingId,
      ),
    );
    if (resolved.has(target.id)) throw new DomainError(ErrorCode.TransferNotPending);
    const rows: LedgerTransfer[] = [];
    for (const pending of group.filter((t) => !resolved.has(t.id))) {
      const [debit, credit] = await this.accountsById(em, [pending.debitAccountId, pending.creditAccountId]);
      rows.push(
        await this.append(em, head, {
          phase,
          debit,
          credit,
          unit: pending.unit,
          amount: pending.amount,
          code: pending.code,
          refType: pending.refType,
          refId: pending.refId,
          memo: reason,
          linkId: pending.linkId,
          pendingId: pending.id,
          reversesId: null,
          idempotencyKey: `${phase}:${pending.id}`,
          requestHash: requestFingerprint({ [phase]: pending.id }),
          createdBy: actorId,
        }),
      );
    }
    return rows;
  }

  /**
   * Writes one transfer: checks that a member's account can take a debit, moves the four totals of both
   * accounts, records the points earned per period, and links the row into the chain.
   */
  private async append(
    em: EntityManager,
    head: ChainHead,
    t: Omit<
      LedgerTransfer,
      | 'id'
      | 'communityId'
      | 'sequence'
      | 'debitAccountId'
      | 'creditAccountId'
      | 'createdAt'
      | 'prevHash'
      | 'hash'
    > & {
      debit: LedgerAccount;
      credit: LedgerAccount;
    },
    /** For a reversal: the code of the transfer it corrects. */
    reversedCode?: TransferCode,
  ): Promise<LedgerTransfer> {
    const { debit, credit, ...fields } = t;
    if (debit.userId && !canDebit(debit, t.phase, t.amount))
      throw new DomainError(ErrorCode.InsufficientPoints);
    await this.move(em, debit, deltaFor(t.phase, 'debit', t.amount), t.phase, 'debit', t.amount);
    await this.move(em, credit, deltaFor(t.phase, 'credit', t.amount), t.phase, 'credit', t.amount);
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
    await em.insert(LedgerTransfer, transfer);
    await em.update(
      ChainHead,
      { communityId: head.communityId },
      { lastSequence: transfer.sequence, lastHash: transfer.hash },
    );
    head.lastSequence = transfer.sequence;
    head.lastHash = transfer.hash;
    const earned = earningDelta(transfer, debit, credit, reversedCode);
    if (earned)
      await this.addEarnings(
        em,
        head.communityId,
        earned.userId,
        transfer.unit,
        earned.amount,
        transfer.createdAt,
      );
    return transfer;
  }

  /** Moves an account's totals with a conditional update: a member's account never goes below zero. */
  private async move(
    em: EntityManager,
    account: LedgerAccount,
    d: Totals,
    phase: Phase,
    side: Side,
    amount: number,
  ) {
    const guarded =
      account.userId !== null && side === 'debit' && (phase === 'pending' || phase === 'single');
    const query = em
      .createQueryBuilder()
      .update(LedgerAccount)
      .set({
        creditsPosted: () => `credits_posted + ${d.creditsPosted}`,
        debitsPosted: () => `debits_posted + ${d.debitsPosted}`,
        creditsPending: () => `credits_pending + ${d.creditsPending}`,
        debitsPending: () => `debits_pending + ${d.debitsPending}`,
      })
      .where('id = :id', { id: account.id });
    if (guarded) query.andWhere('credits_posted - debits_posted - debits_pending >= :amount', { amount });
    const result = await query.execute();
    if (guarded && result.affected === 0) throw new DomainError(ErrorCode.InsufficientPoints);
    Object.assign(account, applyDelta(account, d));
  }

  /** One statement for the three periods: an upsert that adds to what is there. */
  private async addEarnings(
    em: EntityManager,
    communityId: string,
    userId: string,
    unit: Unit,
    amount: number,
    at: Date,
  ) {
    const periods = periodsOf(at);
    const values = periods.map(() => '(?, ?, ?, ?, ?)').join(', ');
    const upsert = this.db.isMysql
      ? 'ON DUPLICATE KEY UPDATE earned = earned + VALUES(earned)'
      : 'ON CONFLICT (community_id, unit, period, user_id) DO UPDATE SET earned = earned + excluded.earned';
    await em.query(
      `INSERT INTO ledger_period_totals (community_id, unit, period, user_id, earned) VALUES ${values} ${upsert}`,
      periods.flatMap((period) => [communityId, unit, period, userId, amount]),
    );
  }

  private async account(
    em: EntityManager,
    communityId: string,
    owner: AccountOwner,
    unit: Unit,
  ): Promise<LedgerAccount> {
    const key = ownerKey(owner);
    const found = await em.findOne(LedgerAccount, { where: { communityId, owner: key, unit } });
    if (found) return found;
    const account: LedgerAccount = {
      id: newId(),
      communityId,
      owner: key,
      userId: 'userId' in owner ? owner.userId : null,
      unit,
      creditsPosted: 0,
      debitsPosted: 0,
      creditsPending: 0,
      debitsPending: 0,
      createdAt: new Date(),
    };
    await em.insert(LedgerAccount, account);
    return account;
  }

  private async accountsById(em: EntityManager, ids: string[]): Promise<LedgerAccount[]> {
    const accounts = await em.find(LedgerAccount, { where: { id: In(ids) } });
    return ids.map((id) => accounts.find((a) => a.id === id)!);
  }
}
