import { LedgerVerification, TransferCode } from '@redvest/contract';
import { applyDelta, balance, deltaFor, Totals, ZERO_TOTALS } from '@redvest/domain';
import { EntityManager, In, MoreThan } from 'typeorm';
import { GENESIS_HASH, transferHash } from './chain';
import { ChainHead } from './chain-head.entity';
import { LedgerAccount } from './ledger-account.entity';
import { LedgerTransfer } from './ledger-transfer.entity';
import { OpenPending } from './open-pending.entity';
import { periodsOf, totalsDelta } from './earnings';
import { PeriodTotal } from './period-total.entity';

const BATCH = 2000;

/**
 * Walks a community's chain in sequence order: each row's hash, its link to the previous row, no gaps;
 * then replays the transfers into totals and compares them with the account rows, and checks that the
 * balances of each unit add up to zero, that the approvals queue holds exactly the pending transfers
 * not yet decided, and that the members' period totals (leaderboards, statements) are what the
 * transfers add up to. Names the first broken row.
 */
export async function verifyLedger(em: EntityManager, communityId: string): Promise<LedgerVerification> {
  const problems: string[] = [];
  let firstBroken: LedgerVerification['firstBroken'] = null;
  const broken = (sequence: number, transferId: string | null, problem: string) => {
    problems.push(`#${sequence}${transferId ? ` (${transferId})` : ''}: ${problem}`);
    firstBroken ??= { sequence, transferId, problem };
  };
  const replayed = new Map<string, Totals>();
  const move = (accountId: string, d: Totals) =>
    replayed.set(accountId, applyDelta(replayed.get(accountId) ?? ZERO_TOTALS, d));
  let expectedSequence = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  const open = new Set<string>();
  const accounts = await em.find(LedgerAccount, { where: { communityId } });
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const periods = new PeriodSums();
  for (;;) {
    const rows = await em.find(LedgerTransfer, {
      where: { communityId, sequence: MoreThan(expectedSequence - 1) },
      order: { sequence: 'ASC' },
      take: BATCH,
    });
    const reversedCodes = await codesOf(
      em,
      rows.filter((r) => r.reversesId).map((r) => r.reversesId!),
    );
    for (const row of rows) {
      const [debit, credit] = [accountById.get(row.debitAccountId), accountById.get(row.creditAccountId)];
      if (debit && credit) {
        const moved = totalsDelta(
          row,
          debit,
          credit,
          row.reversesId ? reversedCodes.get(row.reversesId) : undefined,
        );
        if (moved) periods.add(row.unit, moved, row.createdAt);
      }
      if (row.sequence !== expectedSequence)
        broken(expectedSequence, null, `第 ${expectedSequence} 条记录缺失`);
      const { hash, ...fields } = row;
      if (row.prevHash !== prevHash) broken(row.sequence, row.id, '与上一条记录的哈希不相连');
      if (transferHash(fields) !== hash) broken(row.sequence, row.id, '记录内容与其哈希不符（被修改过）');
      move(row.debitAccountId, deltaFor(row.phase, 'debit', row.amount));
      move(row.creditAccountId, deltaFor(row.phase, 'credit', row.amount));
      if (row.phase === 'pending') open.add(row.id);
      else if (row.pendingId) open.delete(row.pendingId);
      prevHash = hash;
      expectedSequence = row.sequence + 1;
      count++;
    }
    if (rows.length < BATCH) break;
  }
  const head = await em.findOne(ChainHead, { where: { communityId } });
  if (head && (head.lastSequence !== expectedSequence - 1 || head.lastHash !== prevHash)) {
    broken(head.lastSequence, null, '链头与最后一条记录不一致（末尾的记录被删除过）');
  }
  const queued = new Set(
    (await em.find(OpenPending, { where: { communityId }, select: { transferId: true } })).map(
      (q) => q.transferId,
    ),
  );
  for (const id of open) if (!queued.has(id)) problems.push(`待审批的 ${id} 不在审批队列中`);
  for (const id of queued) if (!open.has(id)) problems.push(`审批队列中的 ${id} 并不待审批`);
  problems.push(...periods.compare(await em.find(PeriodTotal, { where: { communityId } })));
  const sums = new Map<string, number>();
  for (const account of accounts) {
    const expected = replayed.get(account.id) ?? ZERO_TOTALS;
    const stored: Totals = {
      creditsPosted: account.creditsPosted,
      debitsPosted: account.debitsPosted,
      creditsPending: account.creditsPending,
      debitsPending: account.debitsPending,
    };
    if (JSON.stringify(stored) !== JSON.stringify(expected)) {
      problems.push(
        `账户 ${account.owner}/${account.unit} 的合计与流水不符：${JSON.stringify(stored)} ≠ ${JSON.stringify(expected)}`,
      );
    }
    if (account.userId && balance(account) - account.debitsPending < 0)
      problems.push(`账户 ${account.owner}/${account.unit} 为负`);
    sums.set(account.unit, (sums.get(account.unit) ?? 0) + balance(account));
  }
  for (const [unit, sum] of sums) if (sum !== 0) problems.push(`${unit} 的余额合计为 ${sum}，应为 0`);
  return { ok: problems.length === 0, transfers: count, accounts: accounts.length, firstBroken, problems };
}

/** The codes of the transfers a page's reversals correct: a reversal counts as what it reverses. */
async function codesOf(em: EntityManager, ids: string[]): Promise<Map<string, TransferCode>> {
  if (ids.length === 0) return new Map();
  const rows = await em.find(LedgerTransfer, { where: { id: In(ids) }, select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** What each member earned and spent per period, as the transfers replayed add it up. */
class PeriodSums {
  private readonly sums = new Map<string, { earned: number; spent: number }>();

  add(unit: string, moved: { userId: string; earned: number; spent: number }, at: Date) {
    for (const period of periodsOf(at)) {
      const key = `${moved.userId}/${unit}/${period}`;
      const sum = this.sums.get(key) ?? { earned: 0, spent: 0 };
      sum.earned += moved.earned;
      sum.spent += moved.spent;
      this.sums.set(key, sum);
    }
  }

  compare(stored: PeriodTotal[]): string[] {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const row of stored) {
      const key = `${row.userId}/${row.unit}/${row.period}`;
      seen.add(key);
      const expected = this.sums.get(key) ?? { earned: 0, spent: 0 };
      if (row.earned !== expected.earned || row.spent !== expected.spent)
        problems.push(
          `${key} 的期间合计与流水不符：获得 ${row.earned}、消费 ${row.spent} ≠ ${expected.earned}、${expected.spent}`,
        );
    }
    for (const [key, sum] of this.sums)
      if (!seen.has(key) && (sum.earned !== 0 || sum.spent !== 0)) problems.push(`${key} 缺少期间合计`);
    return problems;
  }
}
