import {
  ACCOUNT_DELETION_CONFIRMATION,
  ErrorCode,
  MY_DATA_EXPORT_FORMAT,
  PRIVACY_NOTICE_VERSION,
  Role,
  WishStatus,
} from '@redvest/contract';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorOf } from './errors';
import { maskName } from '@redvest/domain';
import { memberWith } from './fixtures';
import { mp3, voiceFile } from './voice-fixtures';
import { WISH } from './wish-fixtures';
import {
  countOf,
  everyStoredText,
  giveEverything,
  ledgerVerifyCommand,
  privacyCommunity,
  pointsBalance,
  PrivacyScene,
} from './privacy-fixtures';
import { describeWithApp } from './world';

const CONFIRM = { confirm: ACCOUNT_DELETION_CONFIRMATION } as const;

describeWithApp('my data: export and deletion (注销账号)', (w) => {
  /** Each test's own community and people; `name` and `phone` are unique to the test, for the scans. */
  async function scene(name: string, phone: string) {
    const s = await privacyCommunity(w.t, w.admin);
    const carol = await s.person(name, phone, [Role.PartyMember]);
    const bob = await s.person('赵大伟', '13933334444', [Role.Volunteer], '401');
    const dan = await s.person('郑丹', '13977778888', [Role.PartyMember], '401');
    return { s, carol, bob, dan, things: await giveEverything(w.t, s, carol, bob, dan) };
  }

  const photoFiles = () => {
    const root = join(w.t.dataDir, 'uploads');
    const walk = (dir: string): string[] =>
      existsSync(dir)
        ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
            e.isDirectory() ? walk(join(dir, e.name)) : [e.name],
          )
        : [];
    return walk(root);
  };

  it('exports everything held about me, decrypted, and nothing of anyone else', async () => {
    const { s, carol, bob, dan, things } = await scene('欧阳卡', '13955556666');
    const data = await carol.me.exportData();
    expect(data.format).toBe(MY_DATA_EXPORT_FORMAT);
    expect(data.account).toMatchObject({ id: carol.userId, nickname: carol.nickname });
    expect(data.account.privacy.agreedVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(data.memberships).toEqual([
      expect.objectContaining({
        communityId: s.cid,
        realName: '欧阳卡',
        phone: '13955556666',
        household: '1栋 1单元 301',
        roles: [Role.PartyMember, Role.Resident],
      }),
    ]);
    const posted = new Map(data.wishesPosted.map((w) => [w.id, w]));
    expect(posted.get(things.published.id)).toMatchObject({
      description: things.texts.wish,
      contactPhone: '13955556666',
      place: expect.stringContaining('301'),
      photos: [expect.stringMatching(/^\/api\/uploads\//)],
    });
    expect(posted.get(things.carolsDone.id)).toMatchObject({ thanks: things.texts.thanks, rating: 5 });
    expect(data.wishesClaimed.map((w) => [w.id, w.title])).toEqual([[things.bobsWish.id, '想学用智能手机']]);
    expect(data.demands).toEqual([
      expect.objectContaining({ text: things.texts.demand, photos: [expect.any(String)] }),
    ]);
    expect(data.visitsRecorded).toEqual([
      expect.objectContaining({ household: '1栋 1单元 302', notes: things.texts.visitNotes }),
    ]);
    expect(data.corrections).toEqual([expect.objectContaining({ reason: things.texts.correction })]);
    expect(data.certificates.map((c) => c.code)).toEqual([things.certificate.code]);
    expect(data.attendances).toHaveLength(1);
    expect(data.enrolments.map((e) => e.activityId)).toEqual([things.future.id]);
    expect(data.contactGroups).toEqual([expect.objectContaining({ groupId: things.group.id, leader: true })]);
    expect(data.resources).toEqual([expect.objectContaining({ description: things.texts.resource })]);
    expect(data.demandsResolved).toEqual([
      {
        id: things.bobsDemand.id,
        communityId: s.cid,
        category: '环境卫生',
        resolution: things.texts.resolution,
      },
    ]);
    expect(data.redemptions).toEqual([
      expect.objectContaining({
        id: things.cancelled.id,
        status: 'cancelled',
        cancelReason: things.texts.cancelReason,
      }),
      expect.objectContaining({ id: things.order.id, status: 'placed' }),
    ]);
    expect(data.uploads.map((u) => u.id).sort()).toEqual(things.pictures.map((p) => p.id).sort());
    const points = data.points.accounts.find((a) => a.unit === 'points')!;
    // 50 given, 10 for an approved activity, two orders of 20, one of them cancelled and refunded.
    expect(points).toMatchObject({ balance: 40, creditsPosted: 80, debitsPosted: 40 });
    expect(data.points.transfers.map((tr) => tr.delta).sort()).toEqual(expect.arrayContaining([50, -20, 20]));
    expect(data.notifications.length).toBeGreaterThan(0);
    expect(data.wishNotes.map((n) => n.note)).toContain(things.texts.thanks);
    // A photo link in the export opens the photo, without a login.
    expect((await fetch(`${w.t.baseUrl}${data.uploads[0].url}`)).status).toBe(200);

    const text = JSON.stringify(data);
    for (const other of [bob, dan]) {
      for (const trace of [other.userId, other.realName, other.phone, other.nickname, other.openid])
        expect(text).not.toContain(trace);
    }
    expect(text).not.toContain('赵家的心愿说明');
    // The household's phone that carol recorded on her visit belongs to the household, not to her.
    expect(text).not.toContain('13800001111');

    const bobs = JSON.stringify(await bob.me.exportData());
    for (const trace of [carol.userId, carol.realName, carol.phone, things.texts.wish, things.texts.demand])
      expect(bobs).not.toContain(trace);
    expect(await errorOf(w.t.anonymous.raw('GET', '/api/me/export'))).toMatchObject({ status: 401 });
  });

  it('exports my family links both ways (ended ones too) with masked names and no codes, and my wish’s recording', async () => {
    const s = await privacyCommunity(w.t, w.admin);
    const carol = await s.person('欧阳卡', '13955550001', [Role.Resident]);
    const bob = await s.person('赵大伟', '13955550002', [Role.Resident], '401');
    const dan = await s.person('郑丹', '13955550003', [Role.Resident], '401');
    const { code: carolsCode } = await carol.family.createCode(s.cid);
    await bob.family.link({ code: carolsCode });
    const { code: dansCode } = await dan.family.createCode(s.cid);
    const dansLink = (await carol.family.link({ code: dansCode })).link;
    await dan.family.unlink(dansLink.id);
    const voice = await carol.uploads.voice(voiceFile(mp3(2)));
    const wish = await carol.wishes.post(s.cid, { ...WISH, voiceId: voice.id });

    const data = await carol.me.exportData();
    const link = (name: string, active: boolean) => ({
      communityId: s.cid,
      communityName: s.community.name,
      name: maskName(name),
      linkedAt: expect.any(String),
      active,
      endedAt: active ? null : expect.any(String),
      endReason: active ? null : 'removed',
    });
    expect(data.familyLinks).toEqual({ family: [link('赵大伟', true)], residents: [link('郑丹', false)] });
    expect((await bob.me.exportData()).familyLinks).toEqual({
      family: [],
      residents: [link('欧阳卡', true)],
    });
    const text = JSON.stringify(data);
    for (const code of [carolsCode, dansCode]) expect(text).not.toContain(code);
    for (const other of [bob, dan])
      for (const trace of [other.userId, other.realName, other.phone]) expect(text).not.toContain(trace);

    const posted = data.wishesPosted.find((x) => x.id === wish.id)!;
    expect(posted.voiceNote).toEqual({ seconds: 2, url: expect.stringMatching(/^\/api\/uploads\//) });
    expect(data.uploads).toEqual([
      expect.objectContaining({ id: voice.id, seconds: 2, contentType: 'audio/mpeg' }),
    ]);
    const played = await fetch(`${w.t.baseUrl}${posted.voiceNote!.url}`);
    expect(played.headers.get('content-type')).toBe('audio/mpeg');
  });

  it('erases a deleted account from every table, keeps the ledger verified, and removes its photos', async () => {
    const { s, carol, bob, dan, things } = await scene('司马琳', '13955557777');
    const files = photoFiles();
    for (const picture of things.pictures) expect(files.some((f) => f.startsWith(picture.id))).toBe(true);
    const stock = (await s.secretary.rewards.list(s.cid)).items.find((r) => r.id === things.reward.id)!.stock;

    for (const body of [{}, { confirm: 'yes' }]) {
      expect(await errorOf(carol.raw('DELETE', '/api/me', { body }))).toMatchObject({
        status: 400,
        code: ErrorCode.DeletionNotConfirmed,
      });
    }
    expect(await errorOf(carol.raw('DELETE', '/api/me'))).toMatchObject({
      code: ErrorCode.DeletionNotConfirmed,
    });
    expect((await carol.me.get()).memberships).toHaveLength(1);

    const result = await carol.me.deleteAccount(CONFIRM);
    expect(result).toMatchObject({
      communitiesLeft: 1,
      claimsReleased: 1,
      wishesCancelled: 2,
      redemptionsRefunded: 1,
      photosDeleted: 2,
    });

    // Nothing that says who she was is left in any table, in clear or encrypted.
    const traces = [
      carol.realName,
      carol.phone,
      carol.openid,
      carol.nickname,
      ...Object.values(things.texts),
    ];
    const left = (await everyStoredText(w.t)).filter(({ text }) =>
      traces.some((trace) => text.includes(trace)),
    );
    expect(left).toEqual([]);
    // Her address was copied onto her wishes (encrypted); it is gone from them.
    const places = await w.t.dataSource.query('SELECT place_enc, phone_enc FROM wishes WHERE author_id = ?', [
      carol.userId,
    ]);
    expect(places).toHaveLength(3);
    expect(places.every((w: Record<string, unknown>) => w.place_enc === null && w.phone_enc === null)).toBe(
      true,
    );
    const [user] = await w.t.dataSource.query('SELECT * FROM users WHERE id = ?', [carol.userId]);
    expect(user).toMatchObject({
      nickname: '已注销用户',
      openid: `deleted:${carol.userId}`,
      privacy_version: null,
    });
    expect(user.deleted_at).not.toBeNull();
    for (const [table, column] of [
      ['memberships', 'user_id'],
      ['uploads', 'owner_id'],
      ['notifications', 'user_id'],
      ['contact_group_members', 'user_id'],
      ['enrolments', 'user_id'],
    ]) {
      const left = await countOf(w.t, `SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`, [
        carol.userId,
      ]);
      expect([table, left]).toEqual([table, 0]);
    }
    const ids = things.pictures.map((p) => p.id);
    const links = `SELECT (SELECT COUNT(*) FROM wish_photos WHERE upload_id IN (?, ?)) + (SELECT COUNT(*) FROM demand_photos WHERE upload_id IN (?, ?)) AS n`;
    expect(await countOf(w.t, links, [...ids, ...ids])).toBe(0);
    const after = photoFiles();
    for (const picture of things.pictures) expect(after.some((f) => f.startsWith(picture.id))).toBe(false);

    // The ledger keeps every row: its chain and totals still verify, by the API and by the command.
    expect(await s.secretary.points.verify(s.cid)).toMatchObject({ ok: true });
    const command = ledgerVerifyCommand(w.t);
    expect(command.output).toContain(s.community.name);
    expect(command.output).not.toContain('校验未通过');
    expect(command.ok).toBe(true);
    const refunds = await countOf(
      w.t,
      "SELECT COUNT(*) AS n FROM ledger_transfers t JOIN ledger_accounts a ON a.id IN (t.debit_account_id, t.credit_account_id) WHERE a.user_id = ? AND t.code = 'refund'",
      [carol.userId],
    );
    // The order she cancelled herself, and the one still open when she left.
    expect(refunds).toBe(2);
    expect(await pointsBalance(w.t, carol.userId)).toBe(60);
    expect((await s.secretary.rewards.list(s.cid)).items.find((r) => r.id === things.reward.id)!.stock).toBe(
      stock + 1,
    );

    // Open things were closed: her claim is back on the board, her wishes withdrawn, her group has a leader.
    expect(await bob.wishes.get(things.bobsWish.id)).toMatchObject({
      status: WishStatus.Published,
      claimedByMe: false,
    });
    const withdrawn = await s.secretary.wishes.get(things.published.id);
    expect(withdrawn).toMatchObject({
      status: WishStatus.Cancelled,
      place: null,
      contactPhone: null,
      photos: [],
    });
    expect(withdrawn.authorName).toBe('已注销用户');
    expect((await s.secretary.wishes.get(things.pending.id)).status).toBe(WishStatus.Cancelled);
    const group = (await s.secretary.contact.groups(s.cid)).items.find((g) => g.id === things.group.id)!;
    expect(group).toMatchObject({
      status: 'active',
      leaderId: dan.userId,
      members: [{ userId: dan.userId, name: '郑丹' }],
    });
    expect((await bob.notifications.inbox()).items.map((n) => n.body).join()).toContain('已撤回');
    const secretaryInbox = (await s.secretary.notifications.inbox({ limit: 50 })).items;
    expect(secretaryInbox.map((n) => n.title + n.body).join()).toContain('已注销用户发布了新心愿');
    expect(await w.t.anonymous.records.verifyCertificate(things.certificate.code)).toMatchObject({
      holderName: '已***户',
    });

    // Her old token is dead; her openid starts a new, empty account.
    expect(await errorOf(carol.me.get())).toMatchObject({ status: 401, code: ErrorCode.TokenInvalid });
    expect(await errorOf(carol.me.exportData())).toMatchObject({ status: 401 });
    const again = await w.t.login(carol.openid);
    expect(again.userId).not.toBe(carol.userId);
    const fresh = await again.me.get();
    expect(fresh).toMatchObject({ memberships: [], privacy: { agreedVersion: null } });
    expect((await again.points.mine()).accounts).toEqual([]);
    expect(
      await errorOf(s.secretary.communities.invite(s.cid, { userId: carol.userId, roles: [] })),
    ).toMatchObject({ status: 404, code: ErrorCode.UserNotFound });
  });

  it('refuses to delete the last secretary of a community until someone takes over', async () => {
    const s: PrivacyScene = await privacyCommunity(w.t, w.admin);
    const refused = await errorOf(s.secretary.me.deleteAccount(CONFIRM));
    expect(refused).toMatchObject({ status: 422, code: ErrorCode.LastSecretaryMustHandOver });
    expect(refused.details).toEqual({ communities: [{ id: s.cid, name: s.community.name }] });
    expect((await s.secretary.me.get()).memberships).toHaveLength(1);

    const next = await memberWith(w.t, s.secretary, s.cid, [Role.Secretary]);
    await s.secretary.me.deleteAccount(CONFIRM);
    const members = (await next.communities.members(s.cid)).items;
    expect(members.map((m) => m.userId)).toEqual([next.userId]);
    expect(await next.points.verify(s.cid)).toMatchObject({ ok: true });
  });
});
