import { ACCOUNT_DELETION_CONFIRMATION, PRIVACY_NOTICE_VERSION, Role } from '@redvest/contract';
import { WishJobs } from '../src/wishes/wish-jobs';
import { deadlockEveryTransactionOnce } from './deadlock-fixtures';
import { FakeWechat } from './fake-wechat';
import { ADMIN_ENV, ADMIN_OPENID, LoggedIn } from './fixtures';
import { startTestApp, TestApp, unique } from './harness';
import { WISH } from './wish-fixtures';
import { onMariaDb } from './databases';

jest.setTimeout(120_000);

const SEND = '/cgi-bin/message/subscribe/send';
type Person = LoggedIn & { openid: string };

/**
 * On MySQL `Db.transaction` runs a deadlock victim's work again. A notice is told once however often the work
 * ran: one inbox row, one WeChat subscribe message. (SQLite runs transactions one at a time and never retries.)
 */

onMariaDb('notices of a transaction that was retried (MariaDB)', () => {
  let wechat: FakeWechat;
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    wechat = await new FakeWechat().start();
    t = await startTestApp({ ...ADMIN_ENV, ...wechat.env, WECHAT_TEMPLATE_WISH: 'tmpl-wish-status-0001' });
    admin = await t.login(ADMIN_OPENID);
  });
  afterAll(async () => {
    await t.close();
    await wechat.stop();
  });

  const person = async (prefix: string): Promise<Person> => {
    const openid = unique(prefix);
    const user = await t.login(openid);
    await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
    return Object.assign(user, { openid });
  };

  async function community() {
    const created = await admin.communities.create({ name: unique('社区') });
    const secretary = await person('secretary');
    await secretary.invitations.accept(
      (await admin.communities.invite(created.id, { userId: secretary.userId, roles: [Role.Secretary] })).id,
    );
    const member = async (roles: Role[]) => {
      const who = await person('member');
      const invitation = await secretary.communities.invite(created.id, { userId: who.userId, roles });
      await who.invitations.accept(invitation.id);
      return who;
    };
    return { cid: created.id, name: created.name, secretary, member };
  }

  /** What `who` is told by `call`: the titles of the new inbox rows, and the subscribe messages sent. */
  async function toldBy(who: Person, call: () => Promise<unknown>) {
    const seen = new Set((await who.notifications.inbox({ limit: 50 })).items.map((n) => n.id));
    const pushedBefore = pushesTo(who);
    await call();
    const inbox = (await who.notifications.inbox({ limit: 50 })).items.filter((n) => !seen.has(n.id));
    return { titles: inbox.map((n) => n.title), pushes: pushesTo(who) - pushedBefore };
  }
  const pushesTo = (who: Person) =>
    wechat.posted.filter((p) => p.path === SEND && p.body.touser === who.openid).length;

  /** `call` with every transaction it runs picked once as a deadlock victim, and run again. */
  async function retried(call: () => Promise<unknown>): Promise<void> {
    const deadlocks = deadlockEveryTransactionOnce(t);
    try {
      await call();
      expect(deadlocks.victims).toBeGreaterThan(0);
    } finally {
      deadlocks.stop();
    }
  }

  it('tells the person invited once', async () => {
    const { cid, name, secretary } = await community();
    const invited = await person('invited');
    const told = await toldBy(invited, () =>
      retried(() => secretary.communities.invite(cid, { userId: invited.userId, roles: [] })),
    );
    expect(told).toEqual({ titles: [`${name}邀请您加入`], pushes: 1 });
  });

  it('tells reviewers, authors and claimers of a wish once at each step, the scheduled ones too', async () => {
    const { cid, secretary, member } = await community();
    const resident = await member([Role.Resident]);
    const helper = await member([Role.PartyMember]);
    let wishId = '';
    const posted = await toldBy(secretary, () =>
      retried(async () => {
        wishId = (await resident.wishes.post(cid, WISH)).id;
      }),
    );
    expect(posted).toEqual({ titles: [`新心愿待审核：${WISH.title}`], pushes: 1 });
    await secretary.wishes.review(wishId, { action: 'publish' });

    const claimed = await toldBy(resident, () => retried(() => helper.wishes.claim(wishId)));
    expect(claimed).toEqual({ titles: [`心愿“${WISH.title}”`], pushes: 1 });
    await helper.wishes.fulfil(wishId, { note: '修好了' });
    const disputedToReviewer = await toldBy(secretary, async () => {
      const toHelper = await toldBy(helper, () =>
        retried(() => resident.wishes.dispute(wishId, '左边刹车还是松')),
      );
      expect(toHelper).toEqual({ titles: [`心愿“${WISH.title}”`], pushes: 1 });
    });
    expect(disputedToReviewer).toEqual({ titles: [`心愿有异议：${WISH.title}`], pushes: 1 });

    await helper.wishes.fulfil(wishId, { note: '这次修好了' });
    const later = new Date(Date.now() + 30 * 24 * 3600_000);
    const confirmed = await toldBy(helper, () => retried(() => t.app.get(WishJobs).autoConfirm(later)));
    expect(confirmed).toEqual({ titles: [`心愿“${WISH.title}”`], pushes: 1 });
  });

  it('tells the claimer once when the author leaves or deletes the account', async () => {
    const { cid, secretary, member } = await community();
    const helper = await member([Role.PartyMember]);
    for (const ending of ['leave', 'delete'] as const) {
      const resident = await member([Role.Resident]);
      const wish = await resident.wishes.post(cid, { ...WISH, title: `想请人帮忙${ending}` });
      await secretary.wishes.review(wish.id, { action: 'publish' });
      await helper.wishes.claim(wish.id);
      const told = await toldBy(helper, () =>
        retried(() =>
          ending === 'leave'
            ? resident.communities.leave(cid)
            : resident.me.deleteAccount({ confirm: ACCOUNT_DELETION_CONFIRMATION }),
        ),
      );
      // A deleted author's wish titles are replaced in other people's inboxes.
      const title = ending === 'leave' ? `心愿“想请人帮忙${ending}”` : '心愿“（已注销用户的心愿）”';
      expect([ending, told]).toEqual([ending, { titles: [title], pushes: 1 }]);
    }
  });
});
