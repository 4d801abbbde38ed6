import { ErrorCode, Role } from '@redvest/contract';
import { newId } from '../src/database/ids';
import { ApprovalQueue1764642600000 } from '../src/database/migrations/1764642600000-ApprovalQueue';
import { redoMigration } from './migration-fixtures';
import { errorOf } from './errors';
import { LoggedIn, memberWith, newCommunity } from './fixtures';
import { givePoints, pendingAward } from './ledger-fixtures';
import { describeWithApp } from './world';

const REFUSED_CURSOR = {
  status: 400,
  code: ErrorCode.ValidationFailed,
  details: [{ field: 'cursor', message: '翻页位置无效' }],
};

describeWithApp('the approvals queue, a page at a time', (w) => {
  async function everyPage(secretary: LoggedIn, cid: string, limit: number) {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await secretary.approvals.queue(cid, { cursor, limit });
      pages.push(page.items.map((i) => i.transferId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return pages;
  }

  /** What the ledger says waits: pending rows no posting or voiding row names, oldest first. */
  async function derivedQueue(cid: string): Promise<string[]> {
    const rows: { id: string }[] = await w.t.dataSource.query(
      `SELECT t.id FROM ledger_transfers t WHERE t.community_id = ? AND t.phase = 'pending'
       AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.pending_id = t.id) ORDER BY t.id`,
      [cid],
    );
    return rows.map((r) => r.id);
  }

  /** A community with seven awards (14 pending transfers), one approved and one rejected. */
  async function communityWithQueue() {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const cid = community.id;
    const [a, b] = await Promise.all([1, 2].map(() => memberWith(w.t, secretary, cid, [Role.Volunteer])));
    const awards = [];
    for (let i = 0; i < 7; i++) awards.push(await pendingAward(w.t, cid, (i % 2 ? a : b).userId, 10 + i));
    await secretary.approvals.approve(awards[1].points.id);
    await secretary.approvals.reject(awards[4].minutes.id, '当天未到场');
    return { cid, secretary, awards, members: [a, b] };
  }

  it('is empty, with no cursor, where nothing waits', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    expect(await secretary.approvals.queue(community.id)).toEqual({ items: [], nextCursor: null });
  });

  it('lists every waiting transfer once, oldest first, as the ledger derives them', async () => {
    const { cid, secretary, awards, members } = await communityWithQueue();
    const expected = await derivedQueue(cid);
    expect(expected).toHaveLength(10);
    const pages = await everyPage(secretary, cid, 4);
    expect(pages.map((p) => p.length)).toEqual([4, 4, 2]);
    expect(pages.flat()).toEqual(expected);
    const [first] = (await secretary.approvals.queue(cid, { limit: 1 })).items;
    expect(first).toMatchObject({
      transferId: awards[0].points.id,
      userId: members[1].userId,
      amount: 10,
      codeLabel: '志愿服务签到',
      linkId: awards[0].linkId,
    });
    expect(first.userName).not.toBe('');
  });

  it('gives a null cursor when the last page is exactly full, and an empty page past the end', async () => {
    const { cid, secretary } = await communityWithQueue();
    const whole = await secretary.approvals.queue(cid, { limit: 10 });
    expect(whole.items).toHaveLength(10);
    expect(whole.nextCursor).toBeNull();
    const last = whole.items[9].transferId;
    expect(await secretary.approvals.queue(cid, { cursor: last })).toEqual({ items: [], nextCursor: null });
  });

  it('pages on from a transfer decided since its page was read', async () => {
    const { cid, secretary } = await communityWithQueue();
    const first = await secretary.approvals.queue(cid, { limit: 4 });
    await secretary.approvals.approve(first.items[3].transferId);
    const next = await secretary.approvals.queue(cid, { cursor: first.nextCursor!, limit: 4 });
    const expected = (await derivedQueue(cid)).filter((id) => id > first.nextCursor!);
    expect(next.items.map((i) => i.transferId)).toEqual(expected.slice(0, 4));
  });

  it('refuses a malformed cursor and one that names no pending transfer of the community', async () => {
    const { cid, secretary, members } = await communityWithQueue();
    const other = await communityWithQueue();
    const posted = await givePoints(secretary, cid, members[0].userId, 5);
    const before = await derivedQueue(cid);
    for (const cursor of ['x'.repeat(20), `${newId()}x`, newId(), other.awards[0].points.id, posted.id]) {
      expect(await errorOf(secretary.approvals.queue(cid, { cursor }))).toMatchObject({
        ...REFUSED_CURSOR,
        message: '填写的内容有误，请检查后再提交',
      });
    }
    expect(await derivedQueue(cid)).toEqual(before);
  });

  it('is what its migration fills in from the ledger as it stands', async () => {
    await communityWithQueue();
    const rows = () =>
      w.t.dataSource.query(
        'SELECT community_id, transfer_id, user_id FROM ledger_open_pendings ORDER BY community_id, transfer_id',
      );
    const kept = await rows();
    expect(kept.length).toBeGreaterThan(10);
    await redoMigration(w.t.dataSource, new ApprovalQueue1764642600000());
    expect(await rows()).toEqual(kept);
  });
});
