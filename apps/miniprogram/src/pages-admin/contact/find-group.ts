import { ContactGroupView, ErrorCode } from '@redvest/contract';
import { ApiError } from '@redvest/api-client';
import { api } from '../../services/api';

/** The contract has no endpoint for one group: find it among the community's active groups. */
export async function activeGroup(cid: string, groupId: string): Promise<ContactGroupView> {
  const { items } = await api.contact.groups(cid);
  const found = items.find((group) => group.id === groupId && group.status === 'active');
  if (!found) throw new ApiError(404, ErrorCode.NotFound, '找不到这个小组，可能已经解散');
  return found;
}
