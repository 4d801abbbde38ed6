import { ErrorCode, Role } from '@redvest/contract';
import { errorOf } from './errors';
import { countOf, privacyCommunity } from './privacy-fixtures';
import { describeWithApp } from './world';

/** 联系包户党员: a resident reaches the leader of the group that looks after their household. */
describeWithApp('联系包户党员', (w) => {
  async function scene() {
    const s = await privacyCommunity(w.t, w.admin);
    const leader = await s.person('李组长', '13800001111', [Role.PartyMember]);
    const partner = await s.person('王党员', '13800002222', [Role.PartyMember]);
    const grandma = await s.person('孙桂芳', '13900003333', [Role.Resident], '302');
    const neighbour = await s.person('周大爷', '13900004444', [Role.Resident], '401');
    const group = await s.secretary.contact.createGroup(s.cid, {
      name: '东苑一组',
      memberIds: [leader.userId, partner.userId],
      leaderId: leader.userId,
    });
    await s.secretary.contact.assign(group.id, { householdIds: [s.room('302').id] });
    return { s, leader, partner, grandma, neighbour };
  }

  it('names the leader, and shows the number only once the leader chose to show it', async () => {
    const { s, leader, grandma } = await scene();
    expect(await grandma.contact.myContactMember(s.cid)).toEqual({
      hasHousehold: true,
      member: { name: '李组长', groupName: '东苑一组', phone: null },
    });
    await leader.contact.choosePhoneShown(s.cid, { showPhoneToHouseholds: true });
    expect((await grandma.contact.myContactMember(s.cid)).member?.phone).toBe('13800001111');
    await leader.contact.choosePhoneShown(s.cid, { showPhoneToHouseholds: false });
    expect((await grandma.contact.myContactMember(s.cid)).member?.phone).toBeNull();
  });

  it('tells the leader who asked to be called, without the number in the inbox', async () => {
    const { s, leader, grandma } = await scene();
    const { askedAt } = await grandma.contact.callMe(s.cid);
    expect(askedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const inbox = await leader.notifications.inbox();
    expect(inbox.items[0]).toMatchObject({ title: '住户请您联系' });
    expect(inbox.items[0].body).toContain('孙桂芳');
    expect(inbox.items[0].body).toContain('302');
    expect(inbox.items[0].body).not.toContain('13900003333');
    expect(
      await countOf(w.t, "SELECT COUNT(*) AS n FROM notifications WHERE body LIKE '%13900003333%'", []),
    ).toBe(0);
  });

  it('says so where no group looks after the household, or none is registered, and tells nobody', async () => {
    const { s, neighbour } = await scene();
    expect(await neighbour.contact.myContactMember(s.cid)).toEqual({ hasHousehold: true, member: null });
    const before = await countOf(w.t, 'SELECT COUNT(*) AS n FROM notifications', []);
    const refused = await errorOf(neighbour.contact.callMe(s.cid));
    expect(refused).toMatchObject({ status: 409, code: ErrorCode.NoContactMember });
    expect(refused.message).toMatch(/[\u4e00-\u9fa5]/);
    await w.t.dataSource.query('UPDATE memberships SET household_id = NULL WHERE user_id = ?', [
      neighbour.userId,
    ]);
    expect(await neighbour.contact.myContactMember(s.cid)).toEqual({ hasHousehold: false, member: null });
    expect(await countOf(w.t, 'SELECT COUNT(*) AS n FROM notifications', [])).toBe(before);
  });

  it('asks at most three times a day, and lets only party members choose to show a number', async () => {
    const { s, grandma } = await scene();
    for (let i = 0; i < 3; i++) await grandma.contact.callMe(s.cid);
    expect(await errorOf(grandma.contact.callMe(s.cid))).toMatchObject({
      status: 429,
      code: ErrorCode.RateLimited,
    });
    expect(
      await errorOf(grandma.contact.choosePhoneShown(s.cid, { showPhoneToHouseholds: true })),
    ).toMatchObject({
      status: 403,
    });
    const leader = await s.person('赵组长', '13800005555', [Role.PartyMember]);
    for (const body of [{}, { showPhoneToHouseholds: 'yes' }]) {
      expect(
        await errorOf(leader.raw('PUT', `/api/communities/${s.cid}/me/contact-phone`, { body })),
      ).toMatchObject({
        status: 400,
        code: ErrorCode.ValidationFailed,
      });
    }
  });
});
