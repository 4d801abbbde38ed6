import { ErrorCode, Role, TransferStatus, WishStatus } from '@redvest/contract';
import { WishJobs } from '../src/wishes/wish-jobs';
import { errorOf } from './errors';
import { csvFile, joinedUser, LoggedIn, memberWith, newCommunity } from './fixtures';
import { photo, publishedWish, WISH, wishCommunity } from './wish-fixtures';
import { describeWithCommunity } from './world';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfText: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

describeWithCommunity('micro-wishes (微心愿)', (w) => {
  it('goes from posting to a confirmed wish, with the points posted to the claimer and the address shown only to the claimer', async () => {
    const { inviteCode } = await w.c.secretary.communities.get(w.cid);
    const resident = await joinedUser(w.t, w.cid, inviteCode!, '13612345605');
    await w.c.secretary.communities.verifyMember(w.cid, resident.userId);
    const member = await memberWith(w.t, w.c.secretary, w.cid, [Role.PartyMember], undefined);
    await w.c.secretary.communities.setMember(w.cid, {
      userId: member.userId,
      roles: [Role.PartyMember],
      employer: '佛山市税务局',
    });
    const bystander = await memberWith(w.t, w.c.secretary, w.cid, [Role.Volunteer]);
    const uploaded = await resident.uploads.photo(photo());
    const posted = await resident.wishes.post(w.cid, {
      ...WISH,
      photos: [uploaded.id],
      place: '阳光里小区 3栋2单元101',
    });
    expect(posted).toMatchObject({
      status: WishStatus.PendingReview,
      statusLabel: '待审核',
      points: 10,
      place: '阳光里小区 3栋2单元101',
      contactPhone: '13612345605',
    });
    expect(posted.photos).toHaveLength(1);
    const image = await fetch(`${w.t.baseUrl}${posted.photos[0].url}`);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect((await member.wishes.list(w.cid)).items.map((w) => w.id)).not.toContain(posted.id);
    expect(
      (await w.c.secretary.wishes.list(w.cid, { status: WishStatus.PendingReview })).items.map((w) => w.id),
    ).toContain(posted.id);

    const published = await w.c.secretary.wishes.review(posted.id, { action: 'publish' });
    expect(published.status).toBe(WishStatus.Published);
    const onBoard = (await bystander.wishes.list(w.cid)).items.find((w) => w.id === posted.id)!;
    expect(onBoard).toMatchObject({
      place: null,
      contactPhone: '136****5605',
      authorName: '王*明',
      actions: ['claim'],
    });

    const claimed = await member.wishes.claim(posted.id, { onBehalfOfEmployer: true });
    expect(claimed).toMatchObject({
      status: WishStatus.Claimed,
      claimedForEmployer: '佛山市税务局',
      place: '阳光里小区 3栋2单元101',
      contactPhone: '13612345605',
    });
    expect(claimed.actions).toEqual(['release', 'fulfil']);
    const fulfilled = await member.wishes.fulfil(posted.id, {
      note: '已上门更换刹车片，试用正常',
      photos: [(await member.uploads.photo(photo())).id],
    });
    expect(fulfilled).toMatchObject({
      status: WishStatus.Fulfilled,
      fulfilNote: '已上门更换刹车片，试用正常',
    });
    expect(fulfilled.fulfilPhotos).toHaveLength(1);
    const confirmed = await resident.wishes.confirm(posted.id, {
      rating: 5,
      thanks: '谢谢小张，轮椅又能用了！',
    });
    expect(confirmed).toMatchObject({
      status: WishStatus.Confirmed,
      confirmation: 'author',
      rating: 5,
      actions: [],
    });
    expect(confirmed.timeline!.map((e) => e.label)).toEqual([
      '发布心愿',
      '审核通过',
      '认领',
      '完成心愿',
      '确认完成',
    ]);
    expect((await member.points.mine()).accounts[0].points).toEqual({ balance: 10, pending: 0 });
    const seenByBystander = await bystander.wishes.get(posted.id);
    expect(seenByBystander.timeline![0]).toMatchObject({ label: '发布心愿', actorName: '王*明' });
    expect(seenByBystander).toMatchObject({ place: null, contactPhone: '136****5605' });
    const history = await member.points.myTransfers({ communityId: w.cid });
    expect(history.items[0]).toMatchObject({ codeLabel: '完成微心愿', status: TransferStatus.Posted });
    const inbox = await resident.notifications.inbox();
    expect(inbox.items.map((n) => n.body)).toEqual([
      '认领人说心愿已经完成，请您确认',
      '有人认领了您的心愿，会尽快和您联系',
      '您的心愿已通过审核，发布到心愿墙了',
    ]);
    expect(inbox.unread).toBe(3);
    await resident.notifications.markRead();
    expect((await resident.notifications.inbox()).unread).toBe(0);

    const letter = await fetch(`${w.t.baseUrl}/api/wishes/${posted.id}/letter`, {
      headers: { authorization: `Bearer ${w.c.secretary.token}` },
    });
    expect(letter.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(Buffer.from(await letter.arrayBuffer()))).text.replace(/\s+/g, '');
    for (const expected of [
      '感谢信',
      '佛山市税务局党组织',
      '谢谢小张，轮椅又能用了！',
      '轮椅刹车坏了，想请人修一下',
      w.c.community.name,
    ]) {
      expect(text).toContain(expected);
    }
    const notAllowed = await fetch(`${w.t.baseUrl}/api/wishes/${posted.id}/letter`, {
      headers: { authorization: `Bearer ${bystander.token}` },
    });
    expect(notAllowed.status).toBe(403);
  });

  it('enforces who may do what, with a clear code for each refusal', async () => {
    const { resident, member, other } = await wishCommunity(w.t, w.c.secretary, w.cid);
    const wish = await resident.wishes.post(w.cid, WISH);
    expect(await errorOf(member.wishes.review(wish.id, { action: 'publish' }))).toMatchObject({
      status: 403,
    });
    expect(await errorOf(w.c.secretary.wishes.review(wish.id, { action: 'reject' }))).toMatchObject({
      status: 400,
    });
    expect(await errorOf(member.wishes.claim(wish.id))).toMatchObject({
      status: 409,
      code: ErrorCode.WishWrongState,
    });
    await w.c.secretary.wishes.review(wish.id, { action: 'publish' });
    await w.c.secretary.communities.setMember(w.cid, { userId: resident.userId, roles: [Role.Volunteer] });
    expect(await errorOf(resident.wishes.claim(wish.id))).toMatchObject({
      status: 422,
      code: ErrorCode.WishOwn,
      message: '不能认领自己发布的心愿',
    });
    await member.wishes.claim(wish.id);
    expect(await errorOf(other.wishes.claim(wish.id))).toMatchObject({
      status: 409,
      code: ErrorCode.WishAlreadyClaimed,
      message: '该心愿已被他人认领',
    });
    expect(await errorOf(other.wishes.release(wish.id))).toMatchObject({
      status: 403,
      code: ErrorCode.WishActionNotAllowed,
    });
    expect(await errorOf(other.wishes.fulfil(wish.id, { note: '我做的' }))).toMatchObject({ status: 403 });
    expect(await errorOf(member.wishes.confirm(wish.id))).toMatchObject({ status: 403 });
    await member.wishes.fulfil(wish.id, { note: '修好了' });
    expect(await errorOf(resident.wishes.cancel(wish.id))).toMatchObject({
      status: 409,
      code: ErrorCode.WishWrongState,
    });
    expect(await errorOf(resident.wishes.dispute(wish.id, ''))).toMatchObject({ status: 400 });
    const disputed = await resident.wishes.dispute(wish.id, '右边刹车还是松的');
    expect(disputed.status).toBe(WishStatus.Claimed);
    expect(disputed.claimExpiresAt).toEqual(expect.stringMatching(/\+08:00$/));
    expect((await w.c.secretary.notifications.inbox()).items[0].body).toBe(
      '居民对完成情况有异议：右边刹车还是松的',
    );
    const onBoard = await other.wishes.get(wish.id).catch(() => null);
    expect(onBoard).toBeNull();
    await member.wishes.fulfil(wish.id, { note: '两边都调好了' });
    const onBehalf = await w.c.secretary.wishes.confirm(wish.id, {});
    expect(onBehalf).toMatchObject({ status: WishStatus.Confirmed, confirmation: 'on_behalf' });
    expect((await member.points.mine()).accounts[0].points).toEqual({ balance: 0, pending: 10 });
  });

  it('settles every reviewer’s “please review” message once one of them has reviewed the wish', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const { resident } = await wishCommunity(w.t, secretary, community.id);
    const second = await memberWith(w.t, secretary, community.id, [Role.Secretary]);
    const wish = await resident.wishes.post(community.id, WISH);
    const pending = async (who: LoggedIn) =>
      (await who.notifications.inbox()).items.filter((n) => n.wishId === wish.id && !n.read).length;
    expect(await pending(secretary)).toBe(1);
    expect(await pending(second)).toBe(1);
    await secretary.wishes.review(wish.id, { action: 'publish' });
    expect(await pending(second)).toBe(0);
    expect(await pending(secretary)).toBe(0);
    const other = await resident.wishes.post(community.id, WISH);
    await resident.wishes.cancel(other.id);
    expect(
      (await second.notifications.inbox()).items.filter((n) => n.wishId === other.id && !n.read),
    ).toEqual([]);
  });

  it('releases, dispatches and cancels, and limits open claims per person', async () => {
    const { resident, member, other } = await wishCommunity(w.t, w.c.secretary, w.cid);
    const first = await publishedWish(w.c.secretary, resident, w.cid);
    await member.wishes.claim(first.id);
    expect((await member.wishes.release(first.id, '临时出差')).status).toBe(WishStatus.Published);
    const dispatched = await w.c.secretary.wishes.dispatch(first.id, other.userId);
    expect(dispatched).toMatchObject({
      status: WishStatus.Claimed,
      claimerId: other.userId,
      dispatched: true,
    });
    expect((await other.notifications.inbox()).items[0].body).toBe('社区给您派了一个心愿，请尽快联系居民');
    expect((await resident.wishes.cancel(first.id, '已经自己修好了')).status).toBe(WishStatus.Cancelled);
    const claims = [];
    for (let i = 0; i < 4; i++)
      claims.push(await publishedWish(w.c.secretary, resident, w.cid, { title: `第${i + 1}个心愿` }));
    for (const wish of claims.slice(0, 3)) await member.wishes.claim(wish.id);
    expect(await errorOf(member.wishes.claim(claims[3].id))).toMatchObject({
      status: 422,
      code: ErrorCode.ClaimLimitReached,
    });
    expect((await member.wishes.list(w.cid, { mine: 'claimed' })).items).toHaveLength(3);
    expect((await resident.wishes.list(w.cid, { mine: 'posted' })).items.length).toBeGreaterThanOrEqual(5);
  });

  it('reopens claims not fulfilled in time and confirms fulfilments nobody answered, with points to approve', async () => {
    const { resident, member, other } = await wishCommunity(w.t, w.c.secretary, w.cid);
    const stale = await publishedWish(w.c.secretary, resident, w.cid, { title: '超时的认领' });
    await member.wishes.claim(stale.id);
    const waiting = await publishedWish(w.c.secretary, resident, w.cid, { title: '无人确认' });
    await other.wishes.claim(waiting.id);
    await other.wishes.fulfil(waiting.id, { note: '已完成' });
    const jobs = w.t.app.get(WishJobs);
    expect(await jobs.expireClaims(new Date())).toBe(0);
    const later = new Date(Date.now() + 8 * 24 * 3600_000);
    expect(await jobs.expireClaims(later)).toBeGreaterThanOrEqual(1);
    expect(await jobs.autoConfirm(later)).toBeGreaterThanOrEqual(1);
    expect((await resident.wishes.get(stale.id)).status).toBe(WishStatus.Published);
    expect(await resident.wishes.get(waiting.id)).toMatchObject({
      status: WishStatus.Confirmed,
      confirmation: 'auto',
    });
    expect((await other.points.mine()).accounts[0].points.pending).toBe(10);
  });

  it('refuses a text file named .jpg, an oversized photo, a fourth photo and other people’s photos, storing nothing', async () => {
    const { resident, member } = await wishCommunity(w.t, w.c.secretary, w.cid);
    const count = async () => Number((await w.t.dataSource.query('SELECT COUNT(*) AS n FROM uploads'))[0].n);
    const wishes = async () =>
      Number(
        (
          await w.t.dataSource.query('SELECT COUNT(*) AS n FROM wishes WHERE author_id = ?', [
            resident.userId,
          ])
        )[0].n,
      );
    const before = await count();
    expect(
      await errorOf(resident.uploads.photo(photo(Buffer.from('这不是一张照片'), 'photo.jpg'))),
    ).toMatchObject({
      status: 415,
      code: ErrorCode.PhotoTypeNotAllowed,
      message: '只能上传 JPG 或 PNG 格式的照片',
    });
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(6 * 1024 * 1024)]);
    expect(await errorOf(resident.uploads.photo(photo(big)))).toMatchObject({
      status: 413,
      code: ErrorCode.PhotoTooLarge,
    });
    expect(await count()).toBe(before);
    const four = [];
    for (let i = 0; i < 4; i++) four.push((await resident.uploads.photo(photo())).id);
    expect(await errorOf(resident.wishes.post(w.cid, { ...WISH, photos: four }))).toMatchObject({
      status: 400,
      code: ErrorCode.TooManyPhotos,
    });
    const theirs = (await member.uploads.photo(photo())).id;
    expect(await errorOf(resident.wishes.post(w.cid, { ...WISH, photos: [theirs] }))).toMatchObject({
      status: 422,
      code: ErrorCode.PhotoNotFound,
    });
    expect(await wishes()).toBe(0);
  });

  it('refuses sensitive words and says which, saving nothing', async () => {
    const { resident } = await wishCommunity(w.t, w.c.secretary, w.cid);
    const error = await errorOf(
      resident.wishes.post(w.cid, { ...WISH, description: '有没有人带我去 网 赌' }),
    );
    expect(error).toMatchObject({
      status: 422,
      code: ErrorCode.ContentRejected,
      message: '内容含有不适宜发布的词语“网赌”，请修改后再提交',
      details: { field: 'description', word: '网赌' },
    });
    expect((await resident.wishes.list(w.cid, { mine: 'posted' })).items).toEqual([]);
    expect(await errorOf(resident.wishes.post(w.cid, { ...WISH, title: 'x'.repeat(31) }))).toMatchObject({
      status: 400,
    });
    expect(await errorOf(resident.wishes.post(w.cid, { ...WISH, category: '买菜' as never }))).toMatchObject({
      status: 400,
    });
  });

  it('lets a secretary post for a resident without a phone (代发), published at once, and set points per category', async () => {
    const { resident, member } = await wishCommunity(w.t, w.c.secretary, w.cid);
    expect(await w.c.secretary.wishes.setPoints(w.cid, { 助老助残: 20 })).toMatchObject({
      助老助残: 20,
      维修服务: 10,
    });
    const wish = await w.c.secretary.wishes.post(w.cid, {
      ...WISH,
      category: '助老助残',
      onBehalfOf: resident.userId,
    });
    expect(wish).toMatchObject({
      status: WishStatus.Published,
      authorId: resident.userId,
      postedOnBehalf: true,
      points: 20,
    });
    expect(await errorOf(member.wishes.post(w.cid, { ...WISH, onBehalfOf: resident.userId }))).toMatchObject({
      status: 403,
    });
    expect(await errorOf(member.wishes.setPoints(w.cid, { 其他: 5 }))).toMatchObject({ status: 403 });
  });

  it('lets a branch secretary post for a resident of their own compound only', async () => {
    const own = await newCommunity(w.t, w.admin);
    const ocid = own.community.id;
    await own.secretary.communities.importHouseholds(
      ocid,
      csvFile('小区,楼栋,单元,楼层,房号\n东区,1栋,,1,101\n西区,2栋,,1,101'),
    );
    const compounds = (await own.secretary.communities.compounds(ocid)).items;
    const east = compounds.find((k) => k.name === '东区')!.id;
    const west = compounds.find((k) => k.name === '西区')!.id;
    const branch = await memberWith(w.t, own.secretary, ocid, [Role.BranchSecretary], east);
    const neighbour = await memberWith(w.t, own.secretary, ocid, [Role.Resident], east);
    const across = await memberWith(w.t, own.secretary, ocid, [Role.Resident], west);
    const posted = await branch.wishes.post(ocid, { ...WISH, onBehalfOf: neighbour.userId });
    expect(posted).toMatchObject({ status: WishStatus.Published, authorId: neighbour.userId });
    // Naming oneself is an ordinary post: it waits for review like any other.
    expect((await branch.wishes.post(ocid, { ...WISH, onBehalfOf: branch.userId })).status).toBe(
      WishStatus.PendingReview,
    );
    expect(await errorOf(branch.wishes.post(ocid, { ...WISH, onBehalfOf: across.userId }))).toMatchObject({
      status: 403,
      code: ErrorCode.NotYourCompound,
    });
    const [{ n }] = await w.t.dataSource.query('SELECT COUNT(*) AS n FROM wishes WHERE author_id = ?', [
      across.userId,
    ]);
    expect(Number(n)).toBe(0);
  });
});
