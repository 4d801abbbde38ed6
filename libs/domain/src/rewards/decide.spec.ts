import { ErrorCode } from '@redvest/contract';
import fc from 'fast-check';
import { decideCancel, decideOrder, decidePickUp, RedemptionFacts } from './decide';

const oil = { name: '食用油 5L', cost: 120, stock: 3, active: true };
const order: RedemptionFacts = {
  userId: 'u1',
  status: 'placed',
  rewardName: '食用油 5L',
  quantity: 2,
  total: 240,
};

describe('decideOrder', () => {
  it('prices an order of goods on sale and in stock', () => {
    expect(decideOrder(oil, { quantity: 2, member: true })).toEqual({ total: 240, memo: '食用油 5L × 2' });
  });
  it('refuses someone who is not a member, goods taken off sale, and more than the stock', () => {
    expect(decideOrder(oil, { quantity: 1, member: false })).toEqual({ error: ErrorCode.NotCommunityMember });
    expect(decideOrder({ ...oil, active: false }, { quantity: 1, member: true })).toEqual({
      error: ErrorCode.RewardInactive,
    });
    expect(decideOrder(oil, { quantity: 4, member: true })).toEqual({ error: ErrorCode.OutOfStock });
  });
  it('charges exactly cost × quantity whenever it takes the order', () => {
    fc.assert(
      fc.property(
        fc.nat(100),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 20 }),
        (stock, cost, quantity) => {
          const decision = decideOrder({ ...oil, stock, cost }, { quantity, member: true });
          if (quantity > stock) expect(decision).toEqual({ error: ErrorCode.OutOfStock });
          else expect(decision).toMatchObject({ total: cost * quantity });
        },
      ),
    );
  });
});

describe('decideCancel and decidePickUp', () => {
  it('lets the member cancel their own order, and a secretary anyone’s (which is audited)', () => {
    expect(decideCancel(order, { userId: 'u1', isSecretary: false })).toEqual({
      refund: 240,
      audited: false,
    });
    expect(decideCancel(order, { userId: 's1', isSecretary: true })).toEqual({ refund: 240, audited: true });
    expect(decideCancel(order, { userId: 'u2', isSecretary: false })).toEqual({ error: ErrorCode.Forbidden });
  });
  it('closes an order once: picked up or cancelled, it stays so', () => {
    for (const status of ['picked_up', 'cancelled'] as const) {
      expect(decideCancel({ ...order, status }, { userId: 'u1', isSecretary: false })).toEqual({
        error: ErrorCode.RedemptionClosed,
      });
      expect(decidePickUp({ ...order, status })).toEqual({ error: ErrorCode.RedemptionClosed });
    }
    expect(decidePickUp(order)).toBe(true);
  });
});
