import { Db } from '../database/db';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { User } from '../users/user.entity';
import { ContactGroupsService } from '../contact/contact-groups.service';
import { HouseholdAssignmentsService } from '../contact/household-assignments.service';
import { ThreeListsService } from '../contact/three-lists.service';
import { VisitsService } from '../contact/visits.service';
import { demoAccess } from './demo-access';

/**
 * The demo's contact group: the three party members answer for 阳光里小区 1栋 1单元, one visit is on record with
 * a demand, and 三单 has two resources and two projects (one open to take, one dispatched for that demand).
 */
export async function seedDemoContact(
  db: Db,
  services: {
    groups: ContactGroupsService;
    assignments: HouseholdAssignmentsService;
    visits: VisitsService;
    lists: ThreeListsService;
  },
  communityId: string,
  users: Map<string, User>,
): Promise<void> {
  const { groups, assignments, visits, lists } = services;
  const id = (openid: string) => users.get(openid)!.id;
  const compound = await db.read((em) =>
    em.findOneOrFail(Compound, { where: { communityId, name: '阳光里小区' } }),
  );
  const building = await db.read((em) =>
    em.findOneOrFail(Building, { where: { compoundId: compound.id, name: '1栋' } }),
  );
  const group = await groups.create(communityId, {
    name: '阳光里1栋党员小组',
    memberIds: ['demo-member-1', 'demo-member-2', 'demo-member-3'].map(id),
    leaderId: id('demo-member-1'),
    compoundId: compound.id,
  });
  await assignments.assign(group.id, { buildingId: building.id, unit: '1单元', floorFrom: 1, floorTo: 6 });
  const first = (await visits.mine(id('demo-member-1'))).items.find((h) => h.room === '601')!;
  const visit = await visits.record(
    id('demo-member-1'),
    first.id,
    {
      visitedAt: new Date(Date.now() - 10 * 24 * 3600_000).toISOString(),
      visitorIds: [id('demo-member-2')],
      residents: 1,
      rented: false,
      phone: '13700001111',
      flags: ['elderly_alone', 'pension_certification'],
      notes: '独居老人，子女在深圳，每周三有社工上门。',
      demands: [{ category: '住房维修', text: '卫生间水管老化渗水，想请社区帮忙联系维修' }],
    },
    null,
  );
  const access = (openid: string) => demoAccess(db, communityId, id(openid));
  const checkup = await lists.offer(await access('demo-member-2'), id('demo-member-2'), {
    kind: 'skill',
    title: '义诊、量血压',
    description: '每月一次，在社区服务站',
    byEmployer: true,
  });
  await lists.offer(await access('demo-member-3'), id('demo-member-3'), {
    kind: 'time',
    title: '周末辅导孩子功课',
    description: '周六上午，初中数学',
  });
  const secretary = await access('demo-secretary');
  await lists.createProject(secretary, id('demo-secretary'), {
    title: '每月义诊进社区',
    description: '为老人量血压、讲健康知识',
    mode: 'member_take',
    resourceId: checkup.id,
  });
  await lists.createProject(secretary, id('demo-secretary'), {
    title: '为 601 独居老人修水管',
    mode: 'community_dispatch',
    demandId: visit.demandIds[0],
    takerId: id('demo-member-1'),
  });
}
