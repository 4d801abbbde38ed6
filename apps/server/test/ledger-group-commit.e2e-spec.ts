import { ApiError } from '@redvest/api-client';
import { ErrorCode, Role, Unit } from '@redvest/contract';
import { EntityManager } from 'typeorm';
import { DomainError } from '../src/common/domain-error';
import { LedgerGroupCommit } from '../src/ledger/ledger-group-commit';
import { LedgerService } from '../src/ledger/ledger.service';
import { memberWith, newCommunity } from './fixtures';
import { givePoints, key, transferCount } from './ledger-fixtures';
import { describeWithApp } from './world';

/**
 * Group commit: a community's ledger writes that arrive together share one transaction, each in its own
 * savepoint. Units asked for in the same turn of the event loop form one batch on both databases; the
 * requests of the last test meet in batches on MariaDB, where transactions wait on the database.
 */
jest.setTimeout(120_000);

describeWithApp('the ledger group commit', (w) => {
  const settle = (results: PromiseSettledResult<unknown>[]) =>
    results.map((r) =>
      r.status === 'fulfilled'
        ? 'ok'
        : r.reason instanceof ApiError || r.reason instanceof DomainError
          ? (r.reason as { code: string }).code
          : String(r.reason),
    );

  it('answers each unit of a batch alone: a refused one is rolled back whole, even after it appended', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const [a, b] = await Promise.all(
      [0, 1].map(() => memberWith(w.t, secretary, community.id, [Role.Volunteer])),
    );
    await givePoints(secretary, community.id, a.userId, 5);
    const before = await transferCount(w.t, community.id);
    const group = w.t.app.get(LedgerGroupCommit);
    const ledger = w.t.app.get(LedgerService);
    const adjust = (em: EntityManager, userId: string, amount: number, reason: string) =>
      ledger.adjust(em, {
        communityId: community.id,
        userId,
        unit: Unit.Points,
        amount,
        reason,
        idempotencyKey: key(),
        createdBy: secretary.userId,
      });
    const counts = { ...group.counts };
    const run = (work: (em: EntityManager) => Promise<unknown>) => group.transaction(community.id, work);
    const results = await Promise.allSettled([
      // Asked for together, the four run as one batch, in this order.
      run((em) => adjust(em, a.userId, 1, '先到的一笔')),
      run(async (em) => {
        await adjust(em, b.userId, 7, '写了一笔又被拒');
        throw new DomainError(ErrorCode.ValidationFailed);
      }),
      run((em) => adjust(em, a.userId, -100, '扣得比有的多')),
      run((em) => adjust(em, b.userId, 3, '同一批的一笔')),
    ]);
    expect(settle(results)).toEqual(['ok', ErrorCode.ValidationFailed, ErrorCode.InsufficientPoints, 'ok']);
    expect(group.counts.units - counts.units).toBe(4);
    // Once as if all succeed and, two being refused, once more with a savepoint each.
    expect(group.counts.transactions - counts.transactions).toBe(2);
    expect(await transferCount(w.t, community.id)).toBe(before + 2);
    expect((await a.points.mine()).accounts[0].points.balance).toBe(6);
    expect((await b.points.mine()).accounts[0].points.balance).toBe(3);
    // The refused unit's transfer is gone and the next one links to the one before it.
    expect(await secretary.points.verify(community.id)).toMatchObject({ ok: true, transfers: before + 2 });
  });

  it('writes the chain head and the period totals once for a batch that all succeeds', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const [a, b] = await Promise.all(
      [0, 1].map(() => memberWith(w.t, secretary, community.id, [Role.Volunteer])),
    );
    const group = w.t.app.get(LedgerGroupCommit);
    const ledger = w.t.app.get(LedgerService);
    const adjust = (em: EntityManager, userId: string, amount: number) =>
      ledger.adjust(em, {
        communityId: community.id,
        userId,
        unit: Unit.Points,
        amount,
        reason: '同一批',
        idempotencyKey: key(),
        createdBy: secretary.userId,
      });
    const counts = { ...group.counts };
    await Promise.all([
      group.transaction(community.id, (em) => adjust(em, a.userId, 2)),
      ...[5, 7, -3, 11].map((amount, i) =>
        group.transaction(community.id, (em) => adjust(em, i % 2 ? b.userId : a.userId, amount)),
      ),
    ]);
    expect(group.counts.transactions - counts.transactions).toBe(1);
    expect((await a.points.mine()).accounts[0].points.balance).toBe(2 + 5 - 3);
    expect((await b.points.mine()).accounts[0].points.balance).toBe(7 + 11);
    // The verification also adds up the period totals and compares the head with the last row.
    expect(await secretary.points.verify(community.id)).toMatchObject({ ok: true, transfers: 5 });
  });

  it('commits 60 concurrent adjustments in fewer transactions, each answered, the overdrafts refused', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const members = await Promise.all(
      Array.from({ length: 6 }, () => memberWith(w.t, secretary, community.id, [Role.Volunteer])),
    );
    const group = w.t.app.get(LedgerGroupCommit);
    const counts = { ...group.counts };
    const requests = Array.from({ length: 60 }, (_, i) => ({
      userId: members[i % 6].userId,
      unit: Unit.Points,
      // Every tenth takes away more than anyone has yet.
      amount: i % 10 === 9 ? -1000 : i + 1,
      reason: `第 ${i} 笔`,
    }));
    const results = await Promise.allSettled(
      requests.map((body) => secretary.points.adjust(community.id, body, key())),
    );
    const outcome = settle(results);
    expect(outcome.filter((c) => c === 'ok')).toHaveLength(54);
    expect(outcome.filter((c) => c !== 'ok')).toEqual(Array(6).fill(ErrorCode.InsufficientPoints));
    const units = group.counts.units - counts.units;
    expect(units).toBe(60);
    // On SQLite a transaction runs without giving way to other requests (better-sqlite3 is synchronous),
    // so they rarely meet; on MariaDB they wait on the chain head together.
    if (w.t.db.isMysql) expect(group.counts.transactions - counts.transactions).toBeLessThan(units / 2);
    for (const [m, member] of members.entries()) {
      const expected = requests
        .filter((r, i) => i % 6 === m && r.amount > 0)
        .reduce((sum, r) => sum + r.amount, 0);
      expect((await member.points.mine()).accounts[0].points.balance).toBe(expected);
    }
    expect(await secretary.points.verify(community.id)).toMatchObject({ ok: true, transfers: 54 });
  });
});
