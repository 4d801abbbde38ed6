import { ErrorCode, SystemAccount, TransferCode, Unit } from '@redvest/contract';
import { decideResolution, decideReversal, isRefusal } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DomainError, refusedWith } from '../common/domain-error';
import { requestFingerprint } from '../common/request-fingerprint';
import { ChainHead } from './chain-head.entity';
import { columnsOf, hydrate } from '../database/rows';
import { AccountOwner } from './ledger-accounts';
import { LedgerChain } from './ledger-chain';
import { LedgerTransfer } from './ledger-transfer.entity';
import { PeriodTotal } from './period-total.entity';

export type { AccountOwner } from './ledger-accounts';

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

/**
 * 爱心银行: the only code that writes transfers and account totals (DESIGN §4). Every method runs inside
 * the caller's transaction and starts by locking the community's chain head, so all ledger writes of a
 * community happen one after another, in the order of the chain.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly chain: LedgerChain) {}

  /** Points or minutes earned by service: from the community's ISSUANCE account, pending or posted. */
  award(em: EntityManager, input: AwardInput): Promise<Outcome> {
    const { userId, unit, amount, code, ref, autoPost, ...rest } = input;
    return this.transfer(em, {
      ...rest,
      phase: autoPost ? 'single' : 'pending',
      debit: { system: SystemAccount.Issuance },
      credit: { userId },
      unit,
      amount,
      code,
      ref,
      request: { userId, unit, amount, code, ref: ref ? `${ref.type}:${ref.id}` : null, autoPost },
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
    const resolution =
      original.phase === 'pending'
        ? await em.findOne(LedgerTransfer, { where: { pendingId: original.id } })
        : null;
    const reversal = await em.findOne(LedgerTransfer, { where: { reversesId: original.id } });
    const movement = decideReversal(
      {
        phase: original.phase,
        debit: original.debitAccountId,
        credit: original.creditAccountId,
        amount: original.amount,
        isReversal: original.code === TransferCode.Reversal,
      },
      {
        resolution: resolution?.phase === 'post' || resolution?.phase === 'void' ? resolution.phase : null,
        alreadyReversed: reversal !== null,
      },
    );
    if (isRefusal(movement)) throw refusedWith(movement);
    const [debit, credit] = await this.chain.accountsById(em, [movement.debit, movement.credit]);
    const transfer = await this.chain.append(
      em,
      head,
      {
        phase: 'single',
        debit,
        credit,
        unit: original.unit,
        amount: movement.amount,
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
   * A membership started or ended: the user's period totals say so, and the leaderboard lists members
   * only. Under the chain's lock, so a transfer written at the same moment adds its rows before or after.
   */
  async markMembership(em: EntityManager, communityId: string, userId: string, isMember: boolean) {
    await this.lockChain(em, communityId);
    await em.update(PeriodTotal, { communityId, userId }, { isMember });
  }

  /** Puts the caller's transaction in the community's ledger order (LedgerChain.lock). */
  lockChain(em: EntityManager, communityId: string): Promise<ChainHead> {
    return this.chain.lock(em, communityId);
  }

  private async transfer(em: EntityManager, input: NewTransfer): Promise<Outcome> {
    const head = await this.lockChain(em, input.communityId);
    const requestHash = requestFingerprint(input.request);
    const [found] = await em.query(
      `SELECT ${columnsOf(em, LedgerTransfer, 't')} FROM ledger_transfers t WHERE t.community_id = ? AND t.idempotency_key = ?`,
      [input.communityId, input.idempotencyKey],
    );
    const existing = found ? hydrate(em, LedgerTransfer, found, 't') : null;
    if (existing) {
      if (existing.requestHash !== requestHash) throw new DomainError(ErrorCode.IdempotencyKeyReused);
      return { transfer: existing, replayed: true };
    }
    const [debit, credit] = await this.chain.accounts(
      em,
      input.communityId,
      [input.debit, input.credit],
      input.unit,
    );
    const transfer = await this.chain.append(em, head, {
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
    const toResolve = decideResolution(target, group, resolved);
    if (isRefusal(toResolve)) throw refusedWith(toResolve);
    const rows: LedgerTransfer[] = [];
    for (const pending of toResolve) {
      const [debit, credit] = await this.chain.accountsById(em, [
        pending.debitAccountId,
        pending.creditAccountId,
      ]);
      rows.push(
        await this.chain.append(em, head, {
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
}
