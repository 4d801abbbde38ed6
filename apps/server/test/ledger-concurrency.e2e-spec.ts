import { ApiError } from '@redvest/api-client';
import { ErrorCode, Role, Unit } from '@redvest/contract';
import { memberWith, newCommunity } from './fixtures';
import { givePoints, key, pendingAward, transferCount } from './ledger-fixtures';
import { describeWithApp } from './world';

/** The ledger under concurrent requests, on MariaDB (row locks): `npm run test:mysql`. */
jest.setTimeout(120_000);

describeWithApp(
  'the ledger under concurrency (MariaDB)',
  (w) => {
    const codes = (results: PromiseSettledResult<unknown>[]) =>
      results.map((r) =>
        r.status === 'fulfilled' ? 'ok' : r.reason instanceof ApiError ? r.reason.code : String(r.reason),
      );

    it('makes exactly 100 transfers of 200 concurrent adjustments with 100 keys, each sent twice', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const members = await Promise.all(
        Array.from({ length: 10 }, () => memberWith(w.t, secretary, community.id, [Role.Volunteer])),
      );
      const requests = Array.from({ length: 100 }, (_, i) => ({
        key: `dup-key-${i}`,
        body: { userId: members[i % 10].userId, unit: Unit.Points, amount: i + 1, reason: `第 ${i} 笔` },
      }));
      const results = await Promise.allSettled(
        [...requests, ...requests].map(({ key: k, body }) => secretary.points.adjust(community.id, body, k)),
      );
      expect(codes(results).filter((c) => c !== 'ok')).toEqual([]);
      const first = results.slice(0, 100).map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id);
      const second = results.slice(100).map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id);
      expect(second).toEqual(first);
      expect(await transferCount(w.t, community.id)).toBe(100);
      for (const [m, member] of members.entries()) {
        const expected = requests.filter((_, i) => i % 10 === m).reduce((sum, r) => sum + r.body.amount, 0);
        expect((await member.points.mine()).accounts[0].points.balance).toBe(expected);
      }
      expect(await secretary.points.verify(community.id)).toMatchObject({ ok: true, transfers: 100 });
    });

    it('sells exactly 10 items to 100 buyers who all can pay, and stock ends at 0', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const buyers = await Promise.all(
        Array.from({ length: 100 }, () => memberWith(w.t, secretary, community.id, [Role.Volunteer])),
      );
      for (const buyer of buyers) await givePoints(secretary, community.id, buyer.userId, 50);
      const reward = await secretary.rewards.create(community.id, {
        name: '东北大米 5kg',
        cost: 30,
        stock: 10,
      });
      const results = await Promise.allSettled(
        buyers.map((buyer) => buyer.rewards.redeem(reward.id, 1, key())),
      );
      const outcome = codes(results);
      expect(outcome.filter((c) => c === 'ok')).toHaveLength(10);
      expect(outcome.filter((c) => c !== 'ok')).toEqual(Array(90).fill(ErrorCode.OutOfStock));
      expect((await secretary.rewards.list(community.id)).items[0].stock).toBe(0);
      const [{ n }] = await w.t.dataSource.query(
        'SELECT COUNT(*) AS n FROM redemptions WHERE reward_id = ?',
        [reward.id],
      );
      expect(Number(n)).toBe(10);
      const balances = await Promise.all(
        buyers.map(async (b) => (await b.points.mine()).accounts[0].points.balance),
      );
      expect(balances.filter((b) => b === 20)).toHaveLength(10);
      expect(balances.filter((b) => b === 50)).toHaveLength(90);
      expect((await secretary.points.verify(community.id)).ok).toBe(true);
    });

    it('lets a member with 10 points make exactly 3 of 10 concurrent redemptions costing 3, leaving 1', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const member = await memberWith(w.t, secretary, community.id, [Role.Volunteer]);
      await givePoints(secretary, community.id, member.userId, 10);
      const reward = await secretary.rewards.create(community.id, { name: '纯棉毛巾', cost: 3, stock: 100 });
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => member.rewards.redeem(reward.id, 1, key())),
      );
      const outcome = codes(results);
      expect(outcome.filter((c) => c === 'ok')).toHaveLength(3);
      expect(outcome.filter((c) => c !== 'ok')).toEqual(Array(7).fill(ErrorCode.InsufficientPoints));
      expect((await member.points.mine()).accounts[0].points).toEqual({ balance: 1, pending: 0 });
      expect((await secretary.rewards.list(community.id)).items[0].stock).toBe(97);
    });

    it('posts a transfer once when three secretaries approve it at the same moment; the others get 409', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const others = await Promise.all(
        [1, 2].map(() => memberWith(w.t, secretary, community.id, [Role.Secretary])),
      );
      const member = await memberWith(w.t, secretary, community.id, [Role.Volunteer]);
      const award = await pendingAward(w.t, community.id, member.userId, 15, 120);
      const results = await Promise.allSettled(
        [secretary, ...others].map((s) => s.approvals.approve(award.points.id)),
      );
      const outcome = codes(results);
      expect(outcome.filter((c) => c === 'ok')).toHaveLength(1);
      expect(outcome.filter((c) => c !== 'ok')).toEqual([
        ErrorCode.TransferNotPending,
        ErrorCode.TransferNotPending,
      ]);
      expect((await member.points.mine()).accounts[0]).toMatchObject({
        points: { balance: 15, pending: 0 },
        minutes: { balance: 120, pending: 0 },
      });
      const [{ n }] = await w.t.dataSource.query(
        'SELECT COUNT(*) AS n FROM ledger_transfers WHERE pending_id IN (?, ?)',
        [award.points.id, award.minutes.id],
      );
      expect(Number(n)).toBe(2);
    });

    it('keeps a retried redemption to one order and one payment, even when the retries race', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const member = await memberWith(w.t, secretary, community.id, [Role.Volunteer]);
      await givePoints(secretary, community.id, member.userId, 100);
      const reward = await secretary.rewards.create(community.id, { name: '花生油', cost: 40, stock: 10 });
      const k = key();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => member.rewards.redeem(reward.id, 1, k)),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect((await member.points.mine()).accounts[0].points.balance).toBe(60);
      expect((await secretary.rewards.list(community.id)).items[0].stock).toBe(9);
    });
  },
  { only: 'mariadb' },
);
