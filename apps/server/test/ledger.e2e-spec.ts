import { ErrorCode, LeaderboardPeriod, Role, TransferStatus, Unit } from '@redvest/contract';
import { errorOf } from './errors';
import { csvFile, memberWith, newCommunity } from './fixtures';
import { givePoints, key, pendingAward, transferCount } from './ledger-fixtures';
import { describeWithCommunity } from './world';

describeWithCommunity('the points ledger over HTTP', (w) => {
  it('credits and debits a member by adjustment, posted at once, with balances as O(1) reads', async () => {
    const member = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    const credit = await givePoints(w.c.secretary, w.cid, member.userId, 50);
    expect(credit).toMatchObject({
      amount: 50,
      code: 'adjustment',
      codeLabel: '人工调整',
      status: TransferStatus.Posted,
      memo: '测试发放',
    });
    await w.c.secretary.points.adjust(
      w.cid,
      { userId: member.userId, unit: Unit.Points, amount: -20, reason: '多发退回' },
      key(),
    );
    const { accounts } = await member.points.mine();
    expect(accounts).toEqual([
      {
        communityId: w.cid,
        communityName: w.c.community.name,
        points: { balance: 30, pending: 0 },
        minutes: { balance: 0, pending: 0 },
      },
    ]);
    const history = await member.points.myTransfers({ communityId: w.cid });
    expect(history.items.map((i) => [i.delta, i.memo])).toEqual([
      [-20, '多发退回'],
      [50, '测试发放'],
    ]);
  });

  it('replays a retried adjustment and refuses the same key for a different one', async () => {
    const member = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    const k = key();
    const body = { userId: member.userId, unit: Unit.Points, amount: 7, reason: '补录' };
    const first = await w.c.secretary.points.adjust(w.cid, body, k);
    const again = await w.c.secretary.points.adjust(w.cid, body, k);
    expect(again.id).toBe(first.id);
    const reused = await errorOf(w.c.secretary.points.adjust(w.cid, { ...body, amount: 8 }, k));
    expect(reused).toMatchObject({
      status: 409,
      code: ErrorCode.IdempotencyKeyReused,
      message: '该请求编号已用于另一笔不同的操作',
    });
    expect((await member.points.mine()).accounts[0].points.balance).toBe(7);
    const missing = await errorOf(
      w.c.secretary.raw('POST', `/api/communities/${w.cid}/adjustments`, { body }),
    );
    expect(missing).toMatchObject({ status: 400, code: ErrorCode.IdempotencyKeyRequired });
  });

  it('refuses zero, fractional, huge and string amounts, unknown units and missing reasons, writing nothing', async () => {
    const member = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    const before = await transferCount(w.t, w.cid);
    const bad: unknown[] = [
      { userId: member.userId, unit: 'points', amount: 0, reason: 'x' },
      { userId: member.userId, unit: 'points', amount: 1.5, reason: 'x' },
      { userId: member.userId, unit: 'points', amount: 10_000_001, reason: 'x' },
      { userId: member.userId, unit: 'points', amount: '10', reason: 'x' },
      { userId: member.userId, unit: 'coins', amount: 10, reason: 'x' },
      { userId: member.userId, unit: 'points', amount: 10, reason: '' },
      { userId: member.userId, unit: 'points', amount: 10 },
    ];
    for (const body of bad) {
      const error = await errorOf(
        w.c.secretary.raw('POST', `/api/communities/${w.cid}/adjustments`, {
          body,
          headers: { 'idempotency-key': key() },
        }),
      );
      expect(error).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed });
    }
    const overdraw = await errorOf(
      w.c.secretary.points.adjust(
        w.cid,
        { userId: member.userId, unit: Unit.Points, amount: -1, reason: '扣减' },
        key(),
      ),
    );
    expect(overdraw).toMatchObject({ status: 422, code: ErrorCode.InsufficientPoints, message: '积分不足' });
    expect(await transferCount(w.t, w.cid)).toBe(before);
  });

  it("refuses a transfer on another community's member or transfer, and approval by a non-secretary", async () => {
    const other = await newCommunity(w.t, w.admin);
    const stranger = await memberWith(w.t, other.secretary, other.community.id, [Role.Volunteer]);
    const before = await transferCount(w.t, w.cid);
    expect(await errorOf(givePoints(w.c.secretary, w.cid, stranger.userId, 10))).toMatchObject({
      status: 404,
      code: ErrorCode.MemberNotFound,
    });
    const theirs = await pendingAward(w.t, other.community.id, stranger.userId);
    expect(await errorOf(w.c.secretary.approvals.approve(theirs.points.id))).toMatchObject({
      status: 404,
      code: ErrorCode.NotFound,
    });
    expect(await errorOf(w.c.secretary.points.reverse(theirs.points.id, '错'))).toMatchObject({
      status: 404,
    });
    const volunteer = await memberWith(w.t, w.c.secretary, w.cid, [Role.PartyMember]);
    const mine = await pendingAward(w.t, w.cid, volunteer.userId);
    expect(await errorOf(volunteer.approvals.approve(mine.points.id))).toMatchObject({
      status: 403,
      code: ErrorCode.Forbidden,
    });
    expect(await errorOf(volunteer.approvals.queue(w.cid))).toMatchObject({ status: 403 });
    expect(
      await errorOf(
        volunteer.points.adjust(
          w.cid,
          { userId: volunteer.userId, unit: Unit.Points, amount: 5, reason: '自己加' },
          key(),
        ),
      ),
    ).toMatchObject({
      status: 403,
    });
    expect(await transferCount(w.t, w.cid)).toBe(before + 2);
  });

  it('approves linked awards together, records who decided, and lists them no more', async () => {
    const member = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    const award = await pendingAward(w.t, w.cid, member.userId, 15, 120);
    expect((await member.points.mine()).accounts[0]).toMatchObject({
      points: { balance: 0, pending: 15 },
      minutes: { balance: 0, pending: 120 },
    });
    const queue = await w.c.secretary.approvals.queue(w.cid);
    const listed = queue.items.filter((i) => i.linkId === award.linkId);
    expect(listed.map((i) => [i.unit, i.amount, i.codeLabel, i.memo])).toEqual([
      [Unit.Points, 15, '志愿服务签到', '测试活动'],
      [Unit.Minutes, 120, '志愿服务签到', '测试活动'],
    ]);
    const decision = await w.c.secretary.approvals.approve(award.minutes.id);
    expect(decision.items.map((i) => [i.id, i.status])).toEqual([
      [award.points.id, TransferStatus.Posted],
      [award.minutes.id, TransferStatus.Posted],
    ]);
    expect((await member.points.mine()).accounts[0]).toMatchObject({
      points: { balance: 15, pending: 0 },
      minutes: { balance: 120, pending: 0 },
    });
    expect((await w.c.secretary.approvals.queue(w.cid)).items.some((i) => i.linkId === award.linkId)).toBe(
      false,
    );
    const [decided] = await w.t.dataSource.query(
      'SELECT created_by FROM ledger_transfers WHERE pending_id = ?',
      [award.points.id],
    );
    expect(decided.created_by).toBe(w.c.secretary.userId);
    expect(await errorOf(w.c.secretary.approvals.approve(award.points.id))).toMatchObject({
      status: 409,
      code: ErrorCode.TransferNotPending,
    });
    expect(await errorOf(w.c.secretary.approvals.reject(award.points.id, '晚了'))).toMatchObject({
      status: 409,
    });
  });

  it('rejects with a reason, and decides a batch item by item', async () => {
    const member = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    const a = await pendingAward(w.t, w.cid, member.userId, 10, 60);
    const b = await pendingAward(w.t, w.cid, member.userId, 20, 90);
    expect(
      await errorOf(w.c.secretary.raw('POST', `/api/approvals/${a.points.id}/reject`, { body: {} })),
    ).toMatchObject({ status: 400 });
    const rejected = await w.c.secretary.approvals.reject(a.points.id, '当天未到场');
    expect(rejected.items.map((i) => i.status)).toEqual([TransferStatus.Voided, TransferStatus.Voided]);
    const batch = await w.c.secretary.approvals.batch(w.cid, {
      transferIds: [a.points.id, b.points.id, b.minutes.id],
      action: 'approve',
    });
    expect(batch.results).toEqual([
      {
        transferId: a.points.id,
        ok: false,
        error: { code: ErrorCode.TransferNotPending, message: '这笔积分已经审批过了' },
      },
      { transferId: b.points.id, ok: true },
      { transferId: b.minutes.id, ok: true },
    ]);
    const history = await member.points.myTransfers({ communityId: w.cid, unit: Unit.Points });
    expect(history.items.map((i) => [i.amount, i.status])).toEqual([
      [20, TransferStatus.Posted],
      [10, TransferStatus.Voided],
    ]);
    expect((await member.points.mine()).accounts[0].points).toEqual({ balance: 20, pending: 0 });
  });

  it('lets a branch secretary decide for the members of their compound only', async () => {
    await w.c.secretary.communities.importHouseholds(
      w.cid,
      csvFile('小区,楼栋,单元,楼层,房号\n东区,1栋,,1,101\n西区,1栋,,1,101'),
    );
    const compounds = (await w.c.secretary.communities.compounds(w.cid)).items;
    const east = compounds.find((x) => x.name === '东区')!;
    const west = compounds.find((x) => x.name === '西区')!;
    const branch = await memberWith(w.t, w.c.secretary, w.cid, [Role.BranchSecretary], east.id);
    const eastMember = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    await w.t.dataSource.query('UPDATE memberships SET compound_id = ? WHERE user_id = ?', [
      east.id,
      eastMember.userId,
    ]);
    const westMember = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    await w.t.dataSource.query('UPDATE memberships SET compound_id = ? WHERE user_id = ?', [
      west.id,
      westMember.userId,
    ]);
    const eastAward = await pendingAward(w.t, w.cid, eastMember.userId);
    const westAward = await pendingAward(w.t, w.cid, westMember.userId);
    const queue = await branch.approvals.queue(w.cid);
    expect(queue.items.map((i) => i.userId)).toEqual([eastMember.userId, eastMember.userId]);
    expect(await errorOf(branch.approvals.approve(westAward.points.id))).toMatchObject({ status: 403 });
    expect((await branch.approvals.approve(eastAward.points.id)).items).toHaveLength(2);
  });

  it('reverses a posted transfer once, and refuses a reversal of points already spent', async () => {
    const member = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    const award = await givePoints(w.c.secretary, w.cid, member.userId, 30);
    const [original, reversal] = await w.c.secretary.points.reverse(award.id, '重复登记');
    expect(original.status).toBe(TransferStatus.Reversed);
    expect(reversal).toMatchObject({
      code: 'reversal',
      amount: 30,
      memo: '重复登记',
      reference: { type: 'transfer', id: award.id },
    });
    expect(await errorOf(w.c.secretary.points.reverse(award.id, '再来'))).toMatchObject({
      status: 409,
      code: ErrorCode.TransferAlreadyReversed,
    });
    expect((await member.points.mine()).accounts[0].points.balance).toBe(0);
    const second = await givePoints(w.c.secretary, w.cid, member.userId, 10);
    const reward = await w.c.secretary.rewards.create(w.cid, { name: '毛巾', cost: 8, stock: 5 });
    await member.rewards.redeem(reward.id, 1, key());
    expect(await errorOf(w.c.secretary.points.reverse(second.id, '错发'))).toMatchObject({
      status: 422,
      code: ErrorCode.InsufficientPoints,
    });
    const pending = await pendingAward(w.t, w.cid, member.userId);
    expect(await errorOf(w.c.secretary.points.reverse(pending.points.id, '未审'))).toMatchObject({
      status: 409,
      code: ErrorCode.TransferNotPosted,
    });
  });

  it('ranks members by points earned this month, this year and in all, not by what they spent', async () => {
    const other = await newCommunity(w.t, w.admin);
    const ocid = other.community.id;
    const [a, b, d] = await Promise.all(
      [1, 2, 3].map(() => memberWith(w.t, other.secretary, ocid, [Role.Volunteer])),
    );
    await givePoints(other.secretary, ocid, a.userId, 40);
    await givePoints(other.secretary, ocid, b.userId, 70);
    await givePoints(other.secretary, ocid, d.userId, 40);
    const reward = await other.secretary.rewards.create(ocid, { name: '大米', cost: 60, stock: 5 });
    await b.rewards.redeem(reward.id, 1, key());
    for (const period of [LeaderboardPeriod.Month, LeaderboardPeriod.Year, LeaderboardPeriod.All]) {
      const board = await a.points.leaderboard(ocid, { period });
      expect(board.items.map((i) => [i.rank, i.key, i.earned])).toEqual([
        [1, '1', 70],
        [2, '2', 40],
        [2, '3', 40],
      ]);
      for (const member of [a, b, d]) expect(JSON.stringify(board)).not.toContain(member.userId);
      expect(board.me).toEqual({ rank: 2, earned: 40 });
    }
    expect((await a.points.leaderboard(ocid, { unit: Unit.Minutes })).items).toEqual([]);
  });

  it("gives a member's yearly statement to the member and the secretary only", async () => {
    const member = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    const nosy = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    await givePoints(w.c.secretary, w.cid, member.userId, 50);
    const award = await pendingAward(w.t, w.cid, member.userId, 10, 60);
    await w.c.secretary.approvals.approve(award.points.id);
    const reward = await w.c.secretary.rewards.create(w.cid, { name: '洗衣液', cost: 25, stock: 5 });
    await member.rewards.redeem(reward.id, 1, key());
    const year = new Date().getFullYear();
    const statement = await w.c.secretary.points.statement(w.cid, member.userId, year);
    expect(statement.points).toEqual({ opening: 0, earned: 60, spent: 25, closing: 35 });
    expect(statement.minutes).toEqual({ opening: 0, earned: 60, spent: 0, closing: 60 });
    expect(statement.transfers).toHaveLength(4);
    expect((await member.points.statement(w.cid, member.userId, year)).points.closing).toBe(35);
    expect((await member.points.statement(w.cid, member.userId, year - 1)).points).toEqual({
      opening: 0,
      earned: 0,
      spent: 0,
      closing: 0,
    });
    expect(await errorOf(nosy.points.statement(w.cid, member.userId, year))).toMatchObject({ status: 403 });
  });
});
