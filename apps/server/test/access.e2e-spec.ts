import { ErrorCode, Role } from '@redvest/contract';
import { errorOf } from './errors';
import { csvFile, memberWith, newCommunity, joinedUser } from './fixtures';
import { describeWithApp } from './world';

/** DESIGN §1: 403 outside the community in the path, 404 for ids of other communities, 403 without the role. */
describeWithApp('roles and community scoping', (w) => {
  let a: Awaited<ReturnType<typeof newCommunity>>;
  let b: Awaited<ReturnType<typeof newCommunity>>;
  let buildingOfB: string;
  let householdOfB: string;

  beforeAll(async () => {
    a = await newCommunity(w.t, w.admin);
    b = await newCommunity(w.t, w.admin);
    await b.secretary.communities.importHouseholds(
      b.community.id,
      csvFile('小区,楼栋,单元,楼层,房号\n乙小区,1栋,,1,101'),
    );
    buildingOfB = (await b.secretary.communities.buildings(b.community.id)).items[0].id;
    householdOfB = (await b.secretary.communities.households(b.community.id)).items[0].id;
  });

  it('lets only a platform admin create a community', async () => {
    expect(await errorOf(a.secretary.communities.create({ name: '新社区' }))).toMatchObject({
      status: 403,
      code: ErrorCode.Forbidden,
    });
    expect((await w.admin.me.get()).isPlatformAdmin).toBe(true);
  });

  it('gives a secretary of one community 403 on every route of another', async () => {
    const other = b.community.id;
    const calls = [
      () => a.secretary.communities.members(other),
      () => a.secretary.communities.buildings(other),
      () => a.secretary.communities.households(other),
      () => a.secretary.communities.employers(other),
      () => a.secretary.communities.get(other),
      () => a.secretary.communities.rotateInviteCode(other),
      () => a.secretary.communities.setMember(other, { userId: a.secretary.userId, roles: [Role.Secretary] }),
      () =>
        a.secretary.communities.importHouseholds(other, csvFile('小区,楼栋,单元,楼层,房号\n甲,1栋,,1,101')),
    ];
    for (const call of calls) {
      expect(await errorOf(call())).toMatchObject({ status: 403, code: ErrorCode.NotCommunityMember });
    }
    expect((await b.secretary.communities.households(other)).items).toHaveLength(1);
  });

  it("answers 404 for another community's building or household, as if it did not exist", async () => {
    expect(await errorOf(a.secretary.buildings.update(buildingOfB, { name: '改名' }))).toMatchObject({
      status: 404,
      code: ErrorCode.NotFound,
    });
    expect(await errorOf(a.secretary.households.update(householdOfB, { room: '999' }))).toMatchObject({
      status: 404,
      code: ErrorCode.NotFound,
    });
    expect(
      await errorOf(a.secretary.households.update('01900000-0000-7000-8000-000000000000', { room: '1' })),
    ).toMatchObject({
      status: 404,
    });
    const unchanged = (await b.secretary.communities.households(b.community.id)).items[0];
    expect(unchanged.room).toBe('101');
  });

  it('gives a member without the role 403 on secretary routes and on child resources', async () => {
    const volunteer = await memberWith(w.t, b.secretary, b.community.id, [Role.Volunteer]);
    expect(await errorOf(volunteer.communities.members(b.community.id))).toMatchObject({
      status: 403,
      code: ErrorCode.Forbidden,
    });
    expect(await errorOf(volunteer.communities.buildings(b.community.id))).toMatchObject({
      status: 403,
      code: ErrorCode.Forbidden,
    });
    expect(await errorOf(volunteer.households.update(householdOfB, { room: '102' }))).toMatchObject({
      status: 403,
      code: ErrorCode.Forbidden,
    });
    expect(await volunteer.communities.get(b.community.id)).toEqual({
      id: b.community.id,
      name: b.community.name,
    });
  });

  it('lets a branch secretary and a group leader read buildings, a branch secretary list members with masked phones, neither change them', async () => {
    const compoundId = (await b.secretary.communities.compounds(b.community.id)).items[0].id;
    const branch = await memberWith(w.t, b.secretary, b.community.id, [Role.BranchSecretary], compoundId);
    const leader = await memberWith(w.t, b.secretary, b.community.id, [Role.GroupLeader]);
    expect((await branch.communities.buildings(b.community.id)).items).toHaveLength(1);
    expect((await leader.communities.households(b.community.id)).items).toHaveLength(1);
    const { inviteCode } = await b.secretary.communities.get(b.community.id);
    const joined = await joinedUser(w.t, b.community.id, inviteCode!, '13955556666');
    const seen = (await branch.communities.members(b.community.id)).items.find(
      (m) => m.userId === joined.userId,
    );
    expect(seen?.phone).toBe('139****6666');
    const full = (await b.secretary.communities.members(b.community.id)).items.find(
      (m) => m.userId === joined.userId,
    );
    expect(full?.phone).toBe('13955556666');
    expect(await errorOf(leader.communities.members(b.community.id))).toMatchObject({ status: 403 });
    expect(
      await errorOf(
        branch.communities.setMember(b.community.id, { userId: joined.userId, roles: [Role.Volunteer] }),
      ),
    ).toMatchObject({ status: 403 });
    const me = await branch.me.get();
    expect(me.memberships[0]).toMatchObject({
      roles: [Role.BranchSecretary, Role.Resident],
      branchCompounds: [{ id: compoundId, name: '乙小区' }],
    });
  });

  it('keeps a member whose joining is not yet verified out of member routes', async () => {
    const { inviteCode } = await b.secretary.communities.get(b.community.id);
    const pending = await joinedUser(w.t, b.community.id, inviteCode!);
    expect((await pending.communities.compounds(b.community.id)).items).toHaveLength(1);
    expect(await pending.communities.get(b.community.id)).toMatchObject({ id: b.community.id });
    expect(await errorOf(pending.communities.buildings(b.community.id))).toMatchObject({
      status: 403,
      code: ErrorCode.MembershipPending,
    });
    expect(await errorOf(pending.households.update(householdOfB, { room: '1' }))).toMatchObject({
      status: 404,
    });
  });

  it('shows the invite code to secretaries only', async () => {
    expect((await a.secretary.communities.get(a.community.id)).inviteCode).toMatch(/^[A-Z2-9]{8}$/);
  });
});
