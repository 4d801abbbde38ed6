import { ApiError } from '@redvest/api-client';
import { ErrorCode, Role, WishStatus } from '@redvest/contract';
import { ADMIN_ENV, ADMIN_OPENID, memberWith, newCommunity } from './fixtures';
import { FakeWechat } from './fake-wechat';
import { startTestApp, TestApp } from './harness';
import { publishedWish, WISH, wishCommunity } from './wish-fixtures';
import { errorOf, outcome } from './errors';
import { describeWithApp } from './world';

jest.setTimeout(120_000);

/** Several people acting on one wish at once, on MariaDB (`npm run test:mysql`). */
describeWithApp(
  'wishes under concurrency (MariaDB)',
  (w) => {
    it('gives a wish to exactly one of 50 members claiming it at once; the other 49 get 409', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const { resident } = await wishCommunity(w.t, secretary, community.id);
      const members = await Promise.all(
        Array.from({ length: 50 }, () => memberWith(w.t, secretary, community.id, [Role.PartyMember])),
      );
      const wish = await publishedWish(secretary, resident, community.id);
      const results = outcome(await Promise.allSettled(members.map((m) => m.wishes.claim(wish.id))));
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      expect(results.filter((r) => r !== 'ok')).toEqual(Array(49).fill(ErrorCode.WishAlreadyClaimed));
      const after = await secretary.wishes.get(wish.id);
      expect(after.status).toBe(WishStatus.Claimed);
      expect(members[results.indexOf('ok')].userId).toBe(after.claimerId);
      expect(after.timeline!.filter((e) => e.action === 'claim')).toHaveLength(1);
    });

    it('keeps one member within the open-claim limit when they claim five wishes at once', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const { resident, member } = await wishCommunity(w.t, secretary, community.id);
      const wishes = [];
      for (let i = 0; i < 5; i++) wishes.push(await publishedWish(secretary, resident, community.id));
      const results = outcome(await Promise.allSettled(wishes.map((w) => member.wishes.claim(w.id))));
      // WISH_MAX_OPEN_CLAIMS is 3 by default.
      expect(results.filter((r) => r === 'ok')).toHaveLength(3);
      expect(results.filter((r) => r !== 'ok')).toEqual(Array(2).fill(ErrorCode.ClaimLimitReached));
      const [{ n }] = await w.t.dataSource.query(
        "SELECT COUNT(*) AS n FROM wishes WHERE claimer_id = ? AND status = 'claimed'",
        [member.userId],
      );
      expect(Number(n)).toBe(3);
    });

    it('lets either a claim or a cancel win when they race, never both', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const { resident, member } = await wishCommunity(w.t, secretary, community.id);
      for (let round = 0; round < 5; round++) {
        const wish = await publishedWish(secretary, resident, community.id, { title: `赛跑${round}` });
        const [claim, cancel] = await Promise.allSettled([
          member.wishes.claim(wish.id),
          resident.wishes.cancel(wish.id),
        ]);
        const after = await resident.wishes.get(wish.id);
        if (claim.status === 'fulfilled' && cancel.status === 'fulfilled') {
          // The claim came first and the author then withdrew a claimed wish, which is allowed.
          expect(after.status).toBe(WishStatus.Cancelled);
        } else {
          expect([claim.status, cancel.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
          expect(after.status).toBe(claim.status === 'fulfilled' ? WishStatus.Claimed : WishStatus.Cancelled);
          const loser = (claim.status === 'rejected' ? claim : cancel) as PromiseRejectedResult;
          expect((loser.reason as ApiError).status).toBe(409);
        }
        if (after.status === WishStatus.Claimed) await member.wishes.release(wish.id);
      }
    });

    it('confirms once when the author confirms twice at the same moment, and pays the points once', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const { resident, member } = await wishCommunity(w.t, secretary, community.id);
      const wish = await publishedWish(secretary, resident, community.id);
      await member.wishes.claim(wish.id);
      await member.wishes.fulfil(wish.id, { note: '完成了' });
      const results = outcome(
        await Promise.allSettled([
          resident.wishes.confirm(wish.id, { thanks: '谢谢' }),
          resident.wishes.confirm(wish.id, { thanks: '谢谢' }),
        ]),
      );
      expect(results.sort()).toEqual([ErrorCode.WishWrongState, 'ok'].sort());
      expect((await member.points.mine()).accounts[0].points).toEqual({ balance: 10, pending: 0 });
    });
  },
  { only: 'mariadb' },
);

describe('wishes with WeChat configured', () => {
  let wechat: FakeWechat;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await new FakeWechat().start();
    t = await startTestApp({ ...ADMIN_ENV, ...wechat.env, WECHAT_TEMPLATE_WISH: 'tmpl-wish-status-0001' });
  });
  afterAll(async () => {
    await t.close();
    await wechat.stop();
  });

  it("refuses what WeChat's content check calls risky, and sends subscribe messages on each change", async () => {
    const { community, secretary } = await newCommunity(t, await t.login(ADMIN_OPENID));
    const { resident, member } = await wishCommunity(t, secretary, community.id);
    const refused = await errorOf(
      resident.wishes.post(community.id, { ...WISH, description: '这里有违规示例词' }),
    );
    expect(refused).toMatchObject({
      status: 422,
      code: ErrorCode.ContentRejected,
      message: '内容未通过微信内容安全检测，请修改后再提交',
    });
    const checked = wechat.posted.find((p) => p.path === '/wxa/msg_sec_check')!;
    expect(checked.body).toMatchObject({ version: 2, scene: 1, openid: expect.stringMatching(/^member-/) });
    const wish = await publishedWish(secretary, resident, community.id);
    await member.wishes.claim(wish.id);
    const sent = wechat.posted.filter((p) => p.path === '/cgi-bin/message/subscribe/send');
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.at(-1)!.body).toMatchObject({
      template_id: 'tmpl-wish-status-0001',
      page: `pages-wishes/detail?id=${wish.id}`,
      data: { thing1: { value: expect.stringContaining('轮椅') }, phrase2: { value: '认领' } },
    });
  });
});
