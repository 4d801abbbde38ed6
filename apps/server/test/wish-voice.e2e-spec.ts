import { ErrorCode, Role, WishView } from '@redvest/contract';
import { errorOf } from './errors';
import { LoggedIn, memberWith, newCommunity } from './fixtures';
import { linkFamily } from './family-fixtures';
import { photo, WISH } from './wish-fixtures';
import { mp3, voiceFile } from './voice-fixtures';
import { describeWithCommunity } from './world';

/**
 * 语音说明 on a wish: posted with the poster's own recording (or, for a family member, the resident's), heard
 * through GET /api/wishes/:wishId/voice by the author, their family, the claimer while the claim is theirs and
 * the reviewers; everyone else who sees the wish learns only that it has one and how long it is.
 */
describeWithCommunity('语音说明: a wish’s recording and who hears it', (w) => {
  const recording = mp3(3);
  const listen = (who: LoggedIn | null, wish: Pick<WishView, 'id'>) =>
    fetch(`${w.t.baseUrl}/api/wishes/${wish.id}/voice`, {
      headers: who ? { authorization: `Bearer ${who.token}` } : {},
    });
  const refusal = async (answer: Response) => ({
    status: answer.status,
    code: ((await answer.json()) as { error: { code: string } }).error.code,
  });
  const hears = async (who: LoggedIn, wish: WishView) => {
    const view = await who.wishes.get(wish.id);
    expect(view.voiceNote).toEqual({ seconds: 3, url: `/api/wishes/${wish.id}/voice` });
    const answer = await listen(who, wish);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('audio/mpeg');
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await answer.arrayBuffer()).equals(recording)).toBe(true);
  };
  const doesNotHear = async (who: LoggedIn, wish: WishView) => {
    expect((await who.wishes.get(wish.id)).voiceNote).toEqual({ seconds: 3, url: null });
    expect(await refusal(await listen(who, wish))).toEqual({
      status: 403,
      code: ErrorCode.WishVoiceForbidden,
    });
  };
  const counts = async () => {
    const [row] = await w.t.dataSource.query(
      'SELECT (SELECT COUNT(*) FROM wishes) AS wishes, (SELECT COUNT(*) FROM wish_voices) AS voices',
    );
    return { wishes: Number(row.wishes), voices: Number(row.voices) };
  };

  it('plays to the author, the family, the reviewers and the claimer while claimed; not to the wall or outsiders', async () => {
    const secretary = w.c.secretary;
    const resident = await memberWith(w.t, secretary, w.cid, [Role.Resident]);
    const family = await memberWith(w.t, secretary, w.cid, [Role.Resident]);
    const volunteer = await memberWith(w.t, secretary, w.cid, [Role.Volunteer]);
    const bystander = await memberWith(w.t, secretary, w.cid, [Role.PartyMember]);
    const outsider = (await newCommunity(w.t, w.admin)).secretary;
    await linkFamily(resident, family, w.cid);

    const voice = await resident.uploads.voice(voiceFile(recording));
    const posted = await resident.wishes.post(w.cid, { ...WISH, voiceId: voice.id });
    expect(posted.voiceNote).toEqual({ seconds: 3, url: `/api/wishes/${posted.id}/voice` });
    // Waiting for review: the author, the family and the reviewer hear it; the others do not see the wish.
    for (const who of [resident, family, secretary]) await hears(who, posted);
    expect(await refusal(await listen(volunteer, posted))).toEqual({
      status: 404,
      code: ErrorCode.WishNotFound,
    });

    const published = await secretary.wishes.review(posted.id, { action: 'publish' });
    const onWall = (await bystander.wishes.list(w.cid)).items.find((x) => x.id === published.id)!;
    expect(onWall.voiceNote).toEqual({ seconds: 3, url: null });
    for (const who of [volunteer, bystander]) await doesNotHear(who, published);

    await volunteer.wishes.claim(published.id);
    await hears(volunteer, published);
    // A claimed wish leaves the wall: to the other members it is not there.
    expect(await refusal(await listen(bystander, published))).toEqual({
      status: 404,
      code: ErrorCode.WishNotFound,
    });
    await volunteer.wishes.release(published.id, '时间不合适');
    await doesNotHear(volunteer, published);

    expect(await refusal(await listen(outsider, published))).toEqual({
      status: 404,
      code: ErrorCode.NotFound,
    });
    expect((await listen(null, published)).status).toBe(401);
  });

  it('says when a wish has no recording', async () => {
    const resident = await memberWith(w.t, w.c.secretary, w.cid, [Role.Resident]);
    const posted = await resident.wishes.post(w.cid, WISH);
    expect(posted.voiceNote).toBeNull();
    expect(await refusal(await listen(resident, posted))).toEqual({
      status: 404,
      code: ErrorCode.WishVoiceNotFound,
    });
  });

  it('takes the poster’s own recording, or the resident’s from their family; a secretary’s 代发 only their own', async () => {
    const secretary = w.c.secretary;
    const resident = await memberWith(w.t, secretary, w.cid, [Role.Resident]);
    const family = await memberWith(w.t, secretary, w.cid, [Role.Resident]);
    await linkFamily(resident, family, w.cid);
    const residents = await resident.uploads.voice(voiceFile(recording));
    const forGran = await family.wishes.post(w.cid, {
      ...WISH,
      onBehalfOf: resident.userId,
      voiceId: residents.id,
    });
    expect(forGran.voiceNote).toMatchObject({ seconds: 3 });
    await hears(resident, forGran);
    const own = await family.uploads.voice(voiceFile(recording));
    const withOwn = await family.wishes.post(w.cid, {
      ...WISH,
      onBehalfOf: resident.userId,
      voiceId: own.id,
    });
    await hears(resident, withOwn);

    const another = await resident.uploads.voice(voiceFile(recording));
    expect(
      await errorOf(
        secretary.wishes.post(w.cid, { ...WISH, onBehalfOf: resident.userId, voiceId: another.id }),
      ),
    ).toMatchObject({ status: 422, code: ErrorCode.VoiceNotFound });
    const secretarys = await secretary.uploads.voice(voiceFile(recording));
    const byProxy = await secretary.wishes.post(w.cid, {
      ...WISH,
      onBehalfOf: resident.userId,
      voiceId: secretarys.id,
    });
    await hears(resident, byProxy);
  });

  it('refuses someone else’s recording, a photo, an unknown id and one already on a wish, changing nothing', async () => {
    const resident = await memberWith(w.t, w.c.secretary, w.cid, [Role.Resident]);
    const neighbour = await memberWith(w.t, w.c.secretary, w.cid, [Role.Resident]);
    const theirs = await neighbour.uploads.voice(voiceFile(recording));
    const picture = await resident.uploads.photo(photo());
    const mine = await resident.uploads.voice(voiceFile(recording));
    await resident.wishes.post(w.cid, { ...WISH, voiceId: mine.id });
    const before = await counts();
    const refused: [string, number, ErrorCode][] = [
      [theirs.id, 422, ErrorCode.VoiceNotFound],
      [picture.id, 422, ErrorCode.VoiceNotRecording],
      ['0190f3b2-7c1e-7000-8000-000000000000', 422, ErrorCode.VoiceNotFound],
      [mine.id, 409, ErrorCode.VoiceAlreadyUsed],
      ['不是编号', 400, ErrorCode.ValidationFailed],
    ];
    for (const [voiceId, status, code] of refused) {
      const error = await errorOf(resident.wishes.post(w.cid, { ...WISH, voiceId }));
      expect({ voiceId, status: error.status, code: error.code }).toEqual({ voiceId, status, code });
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await counts()).toEqual(before);
  });

  it('lets one of two wishes posted at once with the same recording have it', async () => {
    const resident = await memberWith(w.t, w.c.secretary, w.cid, [Role.Resident]);
    const voice = await resident.uploads.voice(voiceFile(recording));
    const before = await counts();
    const results = await Promise.allSettled(
      [1, 2].map(() => resident.wishes.post(w.cid, { ...WISH, voiceId: voice.id })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ status: 409, code: ErrorCode.VoiceAlreadyUsed });
    expect(await counts()).toEqual({ wishes: before.wishes + 1, voices: before.voices + 1 });
  });
});
