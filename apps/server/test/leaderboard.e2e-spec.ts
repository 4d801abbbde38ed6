import { LeaderboardPeriod, Role } from '@redvest/contract';
import { LeaderboardBoard1764649800000 } from '../src/database/migrations/1764649800000-LeaderboardBoard';
import { redoMigration } from './migration-fixtures';
import { LoggedIn, memberWith, newCommunity } from './fixtures';
import { givePoints, pendingAward } from './ledger-fixtures';
import { describeWithApp } from './world';

describeWithApp('the leaderboard of current members', (w) => {
  /** Five members with 50, 40, 40, 30 and 20 points this month. */
  async function board() {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const cid = community.id;
    const members: LoggedIn[] = [];
    for (const points of [50, 40, 40, 30, 20]) {
      const member = await memberWith(w.t, secretary, cid, [Role.Volunteer]);
      await givePoints(secretary, cid, member.userId, points);
      members.push(member);
    }
    return { cid, secretary, members };
  }

  /** Each member's rank as counted by joining every row above with its membership. */
  async function joinedRank(cid: string, userId: string, period: string): Promise<number> {
    const [{ n }] = await w.t.dataSource.query(
      `SELECT COUNT(*) AS n FROM ledger_period_totals t
       INNER JOIN memberships m ON m.community_id = t.community_id AND m.user_id = t.user_id
       WHERE t.community_id = ? AND t.unit = 'points' AND t.period = ? AND t.earned > (
         SELECT earned FROM ledger_period_totals WHERE community_id = ? AND unit = 'points' AND period = ? AND user_id = ?)`,
      [cid, period, cid, period, userId],
    );
    return 1 + Number(n);
  }

  it('ranks as counting the members above by their memberships does, ties sharing a place', async () => {
    const { cid, members } = await board();
    for (const period of [LeaderboardPeriod.Month, LeaderboardPeriod.Year, LeaderboardPeriod.All]) {
      const seen = [];
      for (const member of members) {
        const answer = await member.points.leaderboard(cid, { period });
        seen.push(answer.me!.rank);
        expect(answer.me!.rank).toBe(await joinedRank(cid, member.userId, answer.periodKey));
      }
      expect(seen).toEqual([1, 2, 2, 4, 5]);
    }
    const top = await members[4].points.leaderboard(cid, { limit: 3 });
    expect(top.items.map((i) => [i.rank, i.key, i.earned])).toEqual([
      [1, '1', 50],
      [2, '2', 40],
      [2, '3', 40],
    ]);
  });

  it('leaves out whoever left, and lists them again with their points when they come back', async () => {
    const { cid, secretary, members } = await board();
    const [first, second, , , last] = members;
    await first.communities.leave(cid);
    await secretary.communities.removeMember(cid, second.userId, { reason: '搬走了' });
    const without = await last.points.leaderboard(cid);
    expect(without.items.map((i) => i.earned)).toEqual([40, 30, 20]);
    expect(without.me).toEqual({ rank: 3, earned: 20 });
    const invitation = await secretary.communities.invite(cid, {
      userId: first.userId,
      roles: [Role.Volunteer],
    });
    await first.invitations.accept(invitation.id);
    const { inviteCode } = await secretary.communities.get(cid);
    await second.communities.join(cid, { inviteCode: inviteCode!, realName: '李四', phone: '13912345670' });
    const back = await last.points.leaderboard(cid);
    expect(back.items.map((i) => i.earned)).toEqual([50, 40, 40, 30, 20]);
    expect(back.me).toEqual({ rank: 5, earned: 20 });
    expect((await first.points.leaderboard(cid)).me).toEqual({ rank: 1, earned: 50 });
  });

  it('does not list a former member whose award was approved after they left', async () => {
    const { cid, secretary, members } = await board();
    const leaver = await memberWith(w.t, secretary, cid, [Role.Volunteer]);
    const award = await pendingAward(w.t, cid, leaver.userId, 90, 60);
    await leaver.communities.leave(cid);
    await secretary.approvals.approve(award.points.id);
    const answer = await members[0].points.leaderboard(cid);
    expect(answer.items.map((i) => i.earned)).toEqual([50, 40, 40, 30, 20]);
    expect(answer.me).toEqual({ rank: 1, earned: 50 });
    const [row] = await w.t.dataSource.query(
      "SELECT earned, is_member FROM ledger_period_totals WHERE community_id = ? AND user_id = ? AND unit = 'points' AND period = 'all'",
      [cid, leaver.userId],
    );
    expect([Number(row.earned), Number(row.is_member)]).toEqual([90, 0]);
  });

  it('keeps every total, and marks who is a member, when its migration rebuilds the table', async () => {
    const { cid, members } = await board();
    await members[2].communities.leave(cid);
    const totals = () =>
      w.t.dataSource.query(
        'SELECT community_id, user_id, unit, period, earned, spent, is_member FROM ledger_period_totals ORDER BY community_id, user_id, unit, period',
      );
    const kept = await totals();
    await redoMigration(w.t.dataSource, new LeaderboardBoard1764649800000());
    expect(await totals()).toEqual(kept);
    expect(kept.filter((t: { is_member: unknown }) => Number(t.is_member) === 0).length).toBeGreaterThan(0);
    expect((await members[4].points.leaderboard(cid)).me).toEqual({ rank: 4, earned: 20 });
  });
});
