import { AuditAction, ErrorCode, Role } from '@redvest/contract';
import { TRANSACTION_ATTEMPTS } from '../src/database/db';
import { deadlockNextTransactions } from './deadlock-fixtures';
import { memberWith } from './fixtures';
import { pendingAward } from './ledger-fixtures';
import { describeWithCommunity } from './world';

/**
 * 批量审批 is one unit: when the database is too busy for it (every attempt a deadlock victim) the answer is
 * 503 DATABASE_BUSY and nothing of the batch is written, so the client's retry of the same request decides
 * each item once and answers as the first request would have; an item refused on its own stays refused alone.
 */
describeWithCommunity('batch approvals: one unit, safe to send again after 503 DATABASE_BUSY', (w) => {
  const attemptsPerRequest = () => (w.t.config.database.kind === 'mysql' ? TRANSACTION_ATTEMPTS : 1);
  const countOf = async (sql: string, params: unknown[]) =>
    Number((await w.t.dataSource.query(sql, params))[0].n);
  const posts = (ids: string[]) =>
    countOf(
      `SELECT COUNT(*) AS n FROM ledger_transfers WHERE phase = 'post' AND pending_id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
  const approvals = () =>
    countOf('SELECT COUNT(*) AS n FROM audit_entries WHERE community_id = ? AND action = ?', [
      w.cid,
      AuditAction.PointsApprove,
    ]);

  async function scene() {
    const member = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    const awards = [];
    for (const points of [10, 20, 30]) awards.push(await pendingAward(w.t, w.cid, member.userId, points, 60));
    const decidedBefore = await pendingAward(w.t, w.cid, member.userId, 5, 30);
    await w.c.secretary.approvals.approve(decidedBefore.points.id);
    const transferIds = [
      awards[0].points.id,
      decidedBefore.points.id,
      awards[1].points.id,
      awards[2].points.id,
    ];
    const everything = awards.flatMap((a) => [a.points.id, a.minutes.id]);
    const expected = transferIds.map((transferId) =>
      transferId === decidedBefore.points.id
        ? {
            transferId,
            ok: false,
            error: { code: ErrorCode.TransferNotPending, message: '这笔积分已经审批过了' },
          }
        : { transferId, ok: true },
    );
    return { member, transferIds, everything, expected };
  }

  it('answers 503 with Retry-After and decides nothing when every attempt is lost', async () => {
    const { transferIds, everything } = await scene();
    const auditedBefore = await approvals();
    const busy = deadlockNextTransactions(w.t, attemptsPerRequest());
    const answer = await fetch(`${w.t.baseUrl}/api/communities/${w.cid}/approvals/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.c.secretary.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ transferIds, action: 'approve' }),
    });
    expect(busy.failed).toBe(attemptsPerRequest());
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.DatabaseBusy);
    expect(await posts(everything)).toBe(0);
    expect(await approvals()).toBe(auditedBefore);
    const queued = (await w.c.secretary.approvals.queue(w.cid, { limit: 100 })).items.map(
      (i) => i.transferId,
    );
    expect(queued).toEqual(expect.arrayContaining(everything));
  });

  it('is sent again by the client after 503 and then decides each item once, answering as a first try would', async () => {
    const { member, transferIds, everything, expected } = await scene();
    const auditedBefore = await approvals();
    const busy = deadlockNextTransactions(w.t, attemptsPerRequest());
    const answer = await w.c.secretary.approvals.batch(w.cid, { transferIds, action: 'approve' });
    expect(busy.failed).toBe(attemptsPerRequest());
    expect(answer.results).toEqual(expected);
    // Points and minutes of each of the three awards, posted once; one audit entry per approved item.
    expect(await posts(everything)).toBe(everything.length);
    expect(await approvals()).toBe(auditedBefore + 3);
    expect((await member.points.mine()).accounts[0].points).toEqual({ balance: 65, pending: 0 });
    expect(await w.c.secretary.points.verify(w.cid)).toMatchObject({ ok: true });
  });

  it('keeps a refused item alone and commits the rest together, with the chain intact', async () => {
    const { member, transferIds, everything, expected } = await scene();
    const answer = await w.c.secretary.approvals.batch(w.cid, { transferIds, action: 'approve' });
    expect(answer.results).toEqual(expected);
    expect(await posts(everything)).toBe(everything.length);
    const again = await w.c.secretary.approvals.batch(w.cid, {
      transferIds: [transferIds[0]],
      action: 'approve',
    });
    expect(again.results[0]).toMatchObject({ ok: false, error: { code: ErrorCode.TransferNotPending } });
    expect((await member.points.mine()).accounts[0].points).toEqual({ balance: 65, pending: 0 });
    expect(await w.c.secretary.points.verify(w.cid)).toMatchObject({ ok: true });
  });
});
