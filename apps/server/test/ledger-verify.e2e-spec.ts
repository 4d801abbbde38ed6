import { ErrorCode, Role } from '@redvest/contract';
import { runCommand } from './cli';
import { errorOf } from './errors';
import { memberWith, newCommunity } from './fixtures';
import { givePoints, pendingAward } from './ledger-fixtures';
import { describeWithApp } from './world';

describeWithApp('the hash-chained ledger', (w) => {
  async function communityWithHistory() {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const member = await memberWith(w.t, secretary, community.id, [Role.Volunteer]);
    await givePoints(secretary, community.id, member.userId, 40);
    const award = await pendingAward(w.t, community.id, member.userId);
    await secretary.approvals.approve(award.points.id);
    await givePoints(secretary, community.id, member.userId, 5);
    return { cid: community.id, secretary, member };
  }

  it('verifies an untouched chain and its totals', async () => {
    const { cid, secretary } = await communityWithHistory();
    expect(await secretary.points.verify(cid)).toEqual({
      ok: true,
      transfers: 6,
      accounts: 5,
      firstBroken: null,
      problems: [],
    });
  });

  it('names the first row edited behind the server’s back', async () => {
    const { cid, secretary } = await communityWithHistory();
    await w.t.dataSource.query(
      'UPDATE ledger_transfers SET amount = 400 WHERE community_id = ? AND sequence = 1',
      [cid],
    );
    const result = await secretary.points.verify(cid);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ sequence: 1, problem: '记录内容与其哈希不符（被修改过）' });
    expect(result.problems.some((p) => p.includes('合计与流水不符'))).toBe(true);
  });

  it('notices a deleted row, and an account total changed without a transfer', async () => {
    const { cid, secretary, member } = await communityWithHistory();
    await w.t.dataSource.query(
      'UPDATE ledger_accounts SET credits_posted = credits_posted + 100 WHERE user_id = ?',
      [member.userId],
    );
    const inflated = await secretary.points.verify(cid);
    expect(inflated.ok).toBe(false);
    expect(inflated.firstBroken).toBeNull();
    expect(inflated.problems.join('\n')).toContain('合计与流水不符');
    await w.t.dataSource.query(
      'UPDATE ledger_accounts SET credits_posted = credits_posted - 100 WHERE user_id = ?',
      [member.userId],
    );
    const [last] = await w.t.dataSource.query(
      'SELECT id FROM ledger_transfers WHERE community_id = ? ORDER BY sequence DESC LIMIT 1',
      [cid],
    );
    await w.t.dataSource.query('DELETE FROM ledger_transfers WHERE id = ?', [last.id]);
    const truncated = await secretary.points.verify(cid);
    expect(truncated.ok).toBe(false);
    expect(truncated.firstBroken?.problem).toContain('链头与最后一条记录不一致');
  });

  it('notices an approvals queue that lost a waiting transfer or kept a decided one', async () => {
    const { cid, secretary, member } = await communityWithHistory();
    const waiting = await pendingAward(w.t, cid, member.userId);
    expect((await secretary.points.verify(cid)).ok).toBe(true);
    await w.t.dataSource.query('DELETE FROM ledger_open_pendings WHERE transfer_id = ?', [waiting.points.id]);
    const [decided] = await w.t.dataSource.query(
      "SELECT id FROM ledger_transfers WHERE community_id = ? AND phase = 'pending' AND id <> ? AND id <> ?",
      [cid, waiting.points.id, waiting.minutes.id],
    );
    await w.t.dataSource.query(
      'INSERT INTO ledger_open_pendings (community_id, transfer_id, user_id) VALUES (?, ?, ?)',
      [cid, decided.id, member.userId],
    );
    const result = await secretary.points.verify(cid);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      `待审批的 ${waiting.points.id} 不在审批队列中`,
      `审批队列中的 ${decided.id} 并不待审批`,
    ]);
  });

  it('notices period totals (leaderboards, statements) that the transfers do not add up to', async () => {
    const { cid, secretary, member } = await communityWithHistory();
    await w.t.dataSource.query(
      "UPDATE ledger_period_totals SET earned = earned + 1 WHERE community_id = ? AND user_id = ? AND unit = 'points' AND period = 'all'",
      [cid, member.userId],
    );
    await w.t.dataSource.query(
      "DELETE FROM ledger_period_totals WHERE community_id = ? AND user_id = ? AND unit = 'minutes' AND period = 'all'",
      [cid, member.userId],
    );
    const result = await secretary.points.verify(cid);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      `${member.userId}/points/all 的期间合计与流水不符：获得 61、消费 0 ≠ 60、0`,
      `${member.userId}/minutes/all 缺少期间合计`,
    ]);
  });

  it('is for secretaries only', async () => {
    const { cid, member } = await communityWithHistory();
    expect(await errorOf(member.points.verify(cid))).toMatchObject({
      status: 403,
      code: ErrorCode.Forbidden,
    });
  });

  it('is run for every community by `npm run ledger:verify`, which exits 1 on a broken chain', () => {
    if (process.env.TEST_MYSQL_URL) return; // the command reads the configured database; SQLite's file is enough here
    const { output, status } = runCommand(w.t, 'ledger/verify-cli.js');
    expect(output).toContain('校验通过');
    expect(output).toContain('校验未通过');
    expect(status).toBe(1);
  });

  it("prints names to the operator's terminal with their control characters escaped", async () => {
    if (process.env.TEST_MYSQL_URL) return;
    const { cid } = await communityWithHistory();
    // A name stored before names were checked: ESC starts a terminal command, U+202E reverses the text.
    await w.t.dataSource.query('UPDATE communities SET name = ? WHERE id = ?', [
      '\u001b[2J清屏\u0007\u202e社区',
      cid,
    ]);
    for (const script of ['ledger/verify-cli.js', 'audit/verify-cli.js']) {
      const { output } = runCommand(w.t, script);
      expect(output).toContain('\\u{1b}[2J清屏\\u{7}\\u{202e}社区');
      for (const raw of ['\u001b', '\u0007', '\u202e']) expect(output).not.toContain(raw);
    }
  });
});
