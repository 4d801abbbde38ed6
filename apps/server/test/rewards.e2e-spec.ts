import { ErrorCode, Role } from '@redvest/contract';
import { errorOf } from './errors';
import { memberWith, newCommunity } from './fixtures';
import { givePoints, key, transferCount } from './ledger-fixtures';
import { describeWithApp } from './world';

describeWithApp('rewards and redemptions (积分兑换)', (w) => {
  async function shop() {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const member = await memberWith(w.t, secretary, community.id, [Role.Volunteer]);
    await givePoints(secretary, community.id, member.userId, 100);
    const reward = await secretary.rewards.create(community.id, {
      name: '东北大米 5kg',
      cost: 30,
      stock: 5,
      description: '服务站领取',
    });
    return { cid: community.id, secretary, member, reward };
  }

  it('redeems: debits the points and takes the stock, and the station marks it picked up', async () => {
    const { cid, secretary, member, reward } = await shop();
    const order = await member.rewards.redeem(reward.id, 2, key());
    expect(order).toMatchObject({
      rewardName: '东北大米 5kg',
      quantity: 2,
      unitCost: 30,
      total: 60,
      status: 'placed',
    });
    expect((await member.points.mine()).accounts[0].points.balance).toBe(40);
    expect((await member.rewards.list(cid)).items[0].stock).toBe(3);
    const placed = await secretary.rewards.orders(cid, { status: 'placed' });
    expect(placed.items.map((o) => o.id)).toEqual([order.id]);
    expect(await secretary.rewards.pickUp(order.id)).toMatchObject({ status: 'picked_up' });
    expect(await errorOf(secretary.rewards.pickUp(order.id))).toMatchObject({
      status: 409,
      code: ErrorCode.RedemptionClosed,
    });
    expect(await errorOf(member.rewards.cancel(order.id))).toMatchObject({ status: 409 });
    const history = await member.points.myTransfers({ communityId: cid });
    expect(history.items[0]).toMatchObject({ delta: -60, codeLabel: '积分兑换', memo: '东北大米 5kg × 2' });
  });

  it('cancels an order with a refund transfer and puts the stock back', async () => {
    const { cid, secretary, member, reward } = await shop();
    const order = await member.rewards.redeem(reward.id, 1, key());
    const cancelled = await member.rewards.cancel(order.id, { reason: '不需要了' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '不需要了' });
    expect((await member.points.mine()).accounts[0].points.balance).toBe(100);
    expect((await member.rewards.list(cid)).items[0].stock).toBe(5);
    expect((await member.points.myTransfers({ communityId: cid })).items[0]).toMatchObject({
      delta: 30,
      codeLabel: '兑换取消退回',
    });
    const second = await member.rewards.redeem(reward.id, 1, key());
    expect((await secretary.rewards.cancel(second.id)).status).toBe('cancelled');
    expect((await secretary.points.verify(cid)).ok).toBe(true);
  });

  it("refuses another member's cancellation, out-of-stock, inactive goods and missing keys, writing nothing", async () => {
    const { cid, secretary, member, reward } = await shop();
    const order = await member.rewards.redeem(reward.id, 1, key());
    const other = await memberWith(w.t, secretary, cid, [Role.Volunteer]);
    expect(await errorOf(other.rewards.cancel(order.id))).toMatchObject({ status: 403 });
    const before = await transferCount(w.t, cid);
    expect(await errorOf(member.rewards.redeem(reward.id, 5, key()))).toMatchObject({
      status: 422,
      code: ErrorCode.OutOfStock,
    });
    expect(await errorOf(other.rewards.redeem(reward.id, 1, key()))).toMatchObject({
      status: 422,
      code: ErrorCode.InsufficientPoints,
    });
    expect(await errorOf(member.raw('POST', `/api/rewards/${reward.id}/redeem`, { body: {} }))).toMatchObject(
      {
        status: 400,
        code: ErrorCode.IdempotencyKeyRequired,
      },
    );
    for (const quantity of [0, -1, 1.5, 100]) {
      const error = await errorOf(
        member.raw('POST', `/api/rewards/${reward.id}/redeem`, {
          body: { quantity },
          headers: { 'idempotency-key': key() },
        }),
      );
      expect(error).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed });
    }
    await secretary.rewards.update(reward.id, { active: false });
    expect(await errorOf(member.rewards.redeem(reward.id, 1, key()))).toMatchObject({
      status: 422,
      code: ErrorCode.RewardInactive,
    });
    expect((await member.rewards.list(cid)).items).toEqual([]);
    expect((await secretary.rewards.list(cid, true)).items[0]).toMatchObject({ active: false, stock: 4 });
    expect(await transferCount(w.t, cid)).toBe(before);
  });

  it('lets only secretaries manage the catalog, with sane costs and stock', async () => {
    const { cid, member, secretary, reward } = await shop();
    expect(await errorOf(member.rewards.create(cid, { name: '油', cost: 10, stock: 1 }))).toMatchObject({
      status: 403,
    });
    expect(await errorOf(member.rewards.update(reward.id, { stock: 999 }))).toMatchObject({ status: 403 });
    for (const body of [
      { name: '油', cost: 0, stock: 1 },
      { name: '油', cost: -5, stock: 1 },
      { name: '油', cost: 2.5, stock: 1 },
      { name: '油', cost: 10, stock: -1 },
      { name: '', cost: 10, stock: 1 },
    ]) {
      expect(await errorOf(secretary.rewards.create(cid, body))).toMatchObject({ status: 400 });
    }
    expect(await secretary.rewards.update(reward.id, { cost: 25, stock: 8 })).toMatchObject({
      cost: 25,
      stock: 8,
    });
    const stranger = await newCommunity(w.t, w.admin);
    expect(await errorOf(stranger.secretary.rewards.update(reward.id, { stock: 0 }))).toMatchObject({
      status: 404,
    });
    expect(await errorOf(stranger.secretary.rewards.redeem(reward.id, 1, key()))).toMatchObject({
      status: 404,
    });
  });
});
