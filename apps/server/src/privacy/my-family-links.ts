import { MyDataExport, MyFamilyLinkRecord, toIsoLocal } from '@redvest/contract';
import { maskName } from '@redvest/domain';
import { EntityManager, In } from 'typeorm';
import { Community } from '../communities/community.entity';
import { memberNames } from '../communities/member-names';
import { FamilyLink } from '../family/family-link.entity';

/**
 * 家人代办 in 导出我的数据: every link the person is either end of, ended ones too, oldest first; the other
 * person by their masked name in that community (as 我的家人 shows them), never the code it was made with.
 */
export async function myFamilyLinks(em: EntityManager, userId: string): Promise<MyDataExport['familyLinks']> {
  const links = await em.find(FamilyLink, {
    where: [{ residentId: userId }, { familyId: userId }],
    order: { linkedAt: 'ASC', id: 'ASC' },
  });
  if (links.length === 0) return { family: [], residents: [] };
  const other = (link: FamilyLink) => (link.residentId === userId ? link.familyId : link.residentId);
  const communityIds = [...new Set(links.map((l) => l.communityId))];
  const communities = await em.find(Community, { where: { id: In(communityIds) } });
  const names = new Map<string, Map<string, string>>();
  for (const communityId of communityIds) {
    const here = links.filter((l) => l.communityId === communityId).map(other);
    names.set(communityId, await memberNames(em, communityId, here));
  }
  const record = (link: FamilyLink): MyFamilyLinkRecord => ({
    communityId: link.communityId,
    communityName: communities.find((c) => c.id === link.communityId)?.name ?? '',
    name: maskName(names.get(link.communityId)?.get(other(link)) ?? ''),
    linkedAt: toIsoLocal(link.linkedAt),
    active: link.active === true,
    endedAt: link.endedAt ? toIsoLocal(link.endedAt) : null,
    endReason: link.endReason,
  });
  return {
    family: links.filter((l) => l.residentId === userId).map(record),
    residents: links.filter((l) => l.familyId === userId).map(record),
  };
}
