import { ErrorCode, Role } from '@redvest/contract';
import { activity, minutesFromNow } from './checkin-fixtures';
import { csvFile, LoggedIn, memberWith, newCommunity } from './fixtures';
import { describeWithApp } from './world';

interface Answer {
  status: number;
  body: { error?: { code: string; details?: { field: string }[] } } & Record<string, unknown>;
}

/**
 * What a field takes: null only where it clears something, dates within the bounds of their meaning,
 * texts without control characters and names that say something. Every refusal is 400 and changes nothing.
 */
describeWithApp('request fields', (w) => {
  let secretary: LoggedIn;
  let member: LoggedIn;
  let cid: string;
  let rewardId: string;
  let activityId: string;
  let groupId: string;
  let buildingId: string;
  let householdId: string;

  beforeAll(async () => {
    ({
      secretary,
      community: { id: cid },
    } = await newCommunity(w.t, w.admin));
    rewardId = (await secretary.rewards.create(cid, { name: '食用油', cost: 100, stock: 5 })).id;
    activityId = (await activity(secretary, cid, { capacity: 30, description: '带手套' })).id;
    await secretary.communities.importHouseholds(
      cid,
      csvFile('小区,楼栋,单元,楼层,房号\n东区,3栋,1单元,2,201'),
    );
    buildingId = (await secretary.communities.buildings(cid)).items[0].id;
    householdId = (await secretary.communities.households(cid)).items[0].id;
    member = await memberWith(w.t, secretary, cid, [Role.PartyMember]);
    groupId = (
      await secretary.contact.createGroup(cid, {
        name: '3栋小组',
        memberIds: [member.userId],
        leaderId: member.userId,
      })
    ).id;
    await secretary.contact.assign(groupId, { householdIds: [householdId] });
  });

  async function send(caller: LoggedIn, method: string, path: string, body?: unknown): Promise<Answer> {
    const answer = await fetch(`${w.t.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${caller.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: answer.status, body: (await answer.json()) as Answer['body'] };
  }

  /** 400 VALIDATION_FAILED naming `field`. */
  async function refused(caller: LoggedIn, method: string, path: string, body: unknown, field: string) {
    const answer = await send(caller, method, path, body);
    expect({ body, status: answer.status, code: answer.body.error?.code }).toEqual({
      body,
      status: 400,
      code: ErrorCode.ValidationFailed,
    });
    expect(answer.body.error?.details?.map((d) => d.field)).toContain(field);
  }

  describe('null', () => {
    it('is refused in every field of a reward, and the reward stays as it was', async () => {
      const before = await send(secretary, 'GET', `/api/communities/${cid}/rewards?all=1`);
      for (const field of ['name', 'cost', 'stock', 'active', 'description', 'photoUrl'])
        await refused(secretary, 'PUT', `/api/rewards/${rewardId}`, { [field]: null }, field);
      expect(await send(secretary, 'GET', `/api/communities/${cid}/rewards?all=1`)).toEqual(before);
    });

    it('is refused in the fields of an activity that cannot be empty, and for a points rule that is not one', async () => {
      const path = `/api/activities/${activityId}`;
      for (const field of [
        'title',
        'category',
        'place',
        'startAt',
        'endAt',
        'autoApprove',
        'enrolmentRequired',
        'description',
      ])
        await refused(secretary, 'PUT', path, { [field]: null }, field);
      for (const pointsRule of [null, [], [{ kind: 'per_attendance', points: 5 }], 'per_hour'])
        await refused(secretary, 'PUT', path, { pointsRule }, 'pointsRule');
      const create = {
        title: '新活动',
        category: '环境整治',
        place: '花园',
        startAt: minutesFromNow(60),
        endAt: minutesFromNow(120),
      };
      await refused(secretary, 'POST', `/api/communities/${cid}/activities`, create, 'pointsRule');
      await refused(
        secretary,
        'POST',
        `/api/communities/${cid}/activities`,
        { ...create, pointsRule: [] },
        'pointsRule',
      );
    });

    it('clears an activity’s capacity and location check, where the contract says null', async () => {
      const cleared = await send(secretary, 'PUT', `/api/activities/${activityId}`, {
        capacity: null,
        latitude: null,
        longitude: null,
        radiusM: null,
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ capacity: null, latitude: null, description: '带手套' });
    });

    it('is refused in contact settings and in an assignment’s unit, and clears a group’s compound', async () => {
      for (const field of ['contactGroupSize', 'visitOverdueDays'])
        await refused(secretary, 'PUT', `/api/communities/${cid}/contact-settings`, { [field]: null }, field);
      await refused(
        secretary,
        'POST',
        `/api/contact-groups/${groupId}/assignments`,
        { buildingId, unit: null, floorFrom: 1, floorTo: 3 },
        'unit',
      );
      const cleared = await send(secretary, 'PUT', `/api/contact-groups/${groupId}`, { compoundId: null });
      expect(cleared.status).toBe(200);
    });
  });

  describe('dates', () => {
    const visits = () => `/api/households/${householdId}/visits`;

    it('keep a visit between a year back and now, and the household’s last visit sane', async () => {
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
      for (const visitedAt of [
        '9999-12-31T00:00:00Z',
        '1970-01-01T00:00:00Z',
        tomorrow,
        longAgo,
        '2026-02-30T10:00:00+08:00',
      ])
        await refused(member, 'POST', visits(), { visitedAt }, 'visitedAt');
      const mine = async () => (await member.contact.myHouseholds()).items[0];
      expect(await mine()).toMatchObject({ lastVisitedAt: null, overdue: true });
      const visitedAt = new Date(Date.now() - 3_600_000).toISOString();
      expect((await send(member, 'POST', visits(), { visitedAt })).status).toBe(201);
      expect(await mine()).toMatchObject({
        lastVisitedAt: expect.stringMatching(/^20\d\d-/),
        overdue: false,
      });
    });

    it('keep a move-in date a real day or month since 1900, not in the future', async () => {
      const visitedAt = new Date().toISOString();
      for (const moveInDate of ['2026-13', '2026-02-30', '1899-12', '2999-01', '0000-00'])
        await refused(member, 'POST', visits(), { visitedAt, moveInDate }, 'moveInDate');
      expect((await send(member, 'POST', visits(), { visitedAt, moveInDate: '1958-06' })).status).toBe(201);
    });

    it('keep activities within a year of today, offline scans within a month', async () => {
      for (const startAt of ['9999-12-31T09:00:00+08:00', '1970-01-01T09:00:00+08:00'])
        await refused(secretary, 'PUT', `/api/activities/${activityId}`, { startAt }, 'startAt');
      await refused(
        secretary,
        'POST',
        '/api/checkins',
        { token: 'x', scannedAt: '1970-01-01T00:00:00Z' },
        'scannedAt',
      );
    });

    it('keep years from 2000 to next year, and certificate and wish dates real days in range', async () => {
      for (const year of ['1999', '9999', '2026.5', 'abc'])
        await refused(
          secretary,
          'GET',
          `/api/communities/${cid}/statements/${secretary.userId}?year=${year}`,
          undefined,
          'year',
        );
      for (const [from, to] of [
        ['1970-01-01', '2026-01-01'],
        ['2026-02-30', '2026-03-01'],
      ])
        await refused(secretary, 'POST', '/api/me/certificates', { communityId: cid, from, to }, 'from');
      await refused(
        secretary,
        'POST',
        `/api/communities/${cid}/wishes`,
        { title: '修轮椅', description: '刹车坏了', category: '维修服务', desiredDate: '2099-01-01' },
        'desiredDate',
      );
    });
  });

  describe('texts', () => {
    it('refuse control and reordering characters in names (NUL, BEL, ESC, right-to-left override)', async () => {
      for (const name of ['社区\u0000', '社区\u0007', '\u001b[2J社区', '社区\u202e区社', '第一行\n第二行']) {
        await refused(w.admin, 'POST', '/api/communities', { name }, 'name');
        await refused(
          secretary,
          'POST',
          `/api/communities/${cid}/rewards`,
          { name, cost: 1, stock: 1 },
          'name',
        );
        await refused(secretary, 'PUT', `/api/activities/${activityId}`, { title: name }, 'title');
      }
      expect((await secretary.rewards.list(cid, true)).items.map((r) => r.name)).toEqual(['食用油']);
    });

    it('refuse blank names, and trim the spaces around a name', async () => {
      await refused(
        secretary,
        'POST',
        `/api/communities/${cid}/rewards`,
        { name: '   ', cost: 1, stock: 1 },
        'name',
      );
      await refused(secretary, 'PUT', `/api/rewards/${rewardId}`, { name: ' \t ' }, 'name');
      // Zero-width spaces and fillers show nothing either.
      for (const name of ['\u200b\u200b', '\u3164', '\u2800 \u200d'])
        await refused(secretary, 'PUT', `/api/rewards/${rewardId}`, { name }, 'name');
      const resident = await w.t.login('blank-name');
      await resident.me.agreePrivacy((await resident.privacy()).version);
      const { inviteCode } = await secretary.communities.get(cid);
      await refused(
        resident,
        'POST',
        `/api/communities/${cid}/join`,
        { inviteCode, realName: '   ', phone: '13912345678' },
        'realName',
      );
      const trimmed = await send(secretary, 'POST', `/api/communities/${cid}/rewards`, {
        name: '  大米  ',
        cost: 1,
        stock: 1,
      });
      expect(trimmed.body.name).toBe('大米');
    });

    it('let multi-line texts keep their line breaks', async () => {
      const answer = await send(secretary, 'PUT', `/api/rewards/${rewardId}`, {
        description: '两桶\n每户限一次',
      });
      expect(answer.body.description).toBe('两桶\n每户限一次');
      await refused(
        secretary,
        'PUT',
        `/api/rewards/${rewardId}`,
        { description: '两桶\u001b[0m' },
        'description',
      );
    });

    it('refuse them in a web address too', async () => {
      await refused(
        secretary,
        'PUT',
        `/api/rewards/${rewardId}`,
        { photoUrl: '\u2066隔离\u2069' },
        'photoUrl',
      );
      const kept = await send(secretary, 'PUT', `/api/rewards/${rewardId}`, {
        photoUrl: 'https://example.com/油.png',
      });
      expect(kept.status).toBe(200);
    });
  });
});
