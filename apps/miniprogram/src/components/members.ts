import { MembershipStatus, MemberView } from '@redvest/contract';
import { maskPhone } from '@redvest/domain';
import { api } from '../services/api';

const PAGE_SIZE = 100;
const MAX_PAGES = 10;

export function memberName(member: Pick<MemberView, 'realName' | 'nickname'>): string {
  return member.realName || member.nickname;
}

/** The server masks phones for callers who may not see them; mask here too, so a list never shows one in full. */
export function shownPhone(phone: string | null, missing = '未填写'): string {
  if (!phone) return missing;
  return phone.includes('*') ? phone : maskPhone(phone);
}

/** The community's verified members (at most a thousand), for pickers that filter on the phone. */
export async function allActiveMembers(cid: string): Promise<MemberView[]> {
  const members: MemberView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const next = await api.communities.members(cid, {
      status: MembershipStatus.Active,
      cursor,
      limit: PAGE_SIZE,
    });
    members.push(...next.items);
    if (!next.nextCursor) break;
    cursor = next.nextCursor;
  }
  return members;
}
