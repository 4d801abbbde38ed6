import { TransferCode, Unit } from '@redvest/contract';
import { randomBytes } from 'node:crypto';
import { LedgerService } from '../src/ledger/ledger.service';
import { LoggedIn } from './fixtures';
import { TestApp } from './harness';

export const key = () => `k-${randomBytes(8).toString('hex')}`;

/** Credits a member by a secretary's adjustment, through the API. */
export async function givePoints(
  secretary: LoggedIn,
  communityId: string,
  userId: string,
  amount: number,
  unit = Unit.Points,
) {
  return secretary.points.adjust(communityId, { userId, unit, amount, reason: '测试发放' }, key());
}

/**
 * A pending award as the check-in and wish modules will make it (points and minutes linked), through the
 * real ledger service in the running app.
 */
export async function pendingAward(
  t: TestApp,
  communityId: string,
  userId: string,
  points = 15,
  minutes = 120,
) {
  const ledger = t.app.get(LedgerService);
  const ref = randomBytes(6).toString('hex');
  return t.db.transaction(async (em) => {
    const linkId = `link-${ref}`.padEnd(36, '0');
    const award = (unit: Unit, amount: number) =>
      ledger.award(em, {
        communityId,
        userId,
        unit,
        amount,
        code: TransferCode.Checkin,
        ref: { type: 'activity', id: ref },
        memo: '测试活动',
        linkId,
        autoPost: false,
        idempotencyKey: `checkin:${ref}:${unit}`,
        createdBy: null,
      });
    const p = await award(Unit.Points, points);
    const m = await award(Unit.Minutes, minutes);
    return { points: p.transfer, minutes: m.transfer, linkId };
  });
}

export async function transferCount(t: TestApp, communityId: string): Promise<number> {
  const [{ n }] = await t.dataSource.query(
    'SELECT COUNT(*) AS n FROM ledger_transfers WHERE community_id = ?',
    [communityId],
  );
  return Number(n);
}
