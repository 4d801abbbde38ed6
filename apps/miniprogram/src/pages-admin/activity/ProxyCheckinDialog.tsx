import { useMemo, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Search } from '@nutui/icons-react-taro';
import { MembershipStatus, MemberView } from '@redvest/contract';
import { maskPhone } from '@redvest/domain';
import { FormDialog } from '../../components/FormDialog';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../services/api';

/** The members endpoint has no search: the picker loads the members (at most this many) and filters here. */
const MAX_PAGES = 10;
const PAGE_SIZE = 100;
const SHOWN = 50;

async function allMembers(cid: string): Promise<MemberView[]> {
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

export function memberName(member: Pick<MemberView, 'realName' | 'nickname'>): string {
  return member.realName || member.nickname;
}

function shownPhone(phone: string | null): string {
  if (!phone) return '未留电话';
  return phone.includes('*') ? phone : maskPhone(phone);
}

/**
 * 代签到: for a member who cannot scan (no smartphone, say), the organiser picks them from the community's
 * members, found by name, and checks them in.
 */
export function ProxyCheckinDialog({
  cid,
  present,
  busy,
  onConfirm,
  onCancel,
}: {
  cid: string;
  /** Members already on the attendance list. */
  present: ReadonlySet<string>;
  busy: boolean;
  onConfirm: (member: MemberView) => void;
  onCancel: () => void;
}) {
  const members = useAsync(() => allMembers(cid), [cid]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<MemberView | null>(null);

  const matches = useMemo(() => {
    const wanted = query.trim().toLowerCase();
    const all = members.data ?? [];
    if (!wanted) return all;
    return all.filter(
      (member) =>
        memberName(member).toLowerCase().includes(wanted) ||
        member.nickname.toLowerCase().includes(wanted) ||
        (member.phone ?? '').slice(-4) === wanted,
    );
  }, [members.data, query]);

  const list = () => {
    if (members.loading) return <Text className="proxy-dialog__note">正在加载成员…</Text>;
    if (members.error) {
      return (
        <View className="proxy-dialog__note">
          <Text>{members.error.message}</Text>
          <Button size="small" onClick={() => void members.reload()}>
            重试
          </Button>
        </View>
      );
    }
    if (!matches.length) {
      return (
        <Text className="proxy-dialog__note">
          {query.trim() ? `没有找到“${query.trim()}”，请核对姓名` : '社区还没有已认证的成员'}
        </Text>
      );
    }
    return (
      <View className="proxy-dialog__list" role="listbox">
        {matches.slice(0, SHOWN).map((member) => {
          const here = present.has(member.userId);
          const selected = chosen?.userId === member.userId;
          return (
            <View
              key={member.userId}
              role="option"
              aria-selected={selected}
              aria-disabled={here}
              className={`proxy-dialog__member${selected ? ' proxy-dialog__member--selected' : ''}${
                here ? ' proxy-dialog__member--here' : ''
              }`}
              onClick={() => !here && setChosen(member)}
            >
              <Text className="proxy-dialog__name">{memberName(member)}</Text>
              <Text className="proxy-dialog__phone">{here ? '已在名单中' : shownPhone(member.phone)}</Text>
            </View>
          );
        })}
        {matches.length > SHOWN ? (
          <Text className="proxy-dialog__note">还有 {matches.length - SHOWN} 人，请输入姓名查找</Text>
        ) : null}
      </View>
    );
  };

  return (
    <FormDialog
      title="代签到"
      confirmText={chosen ? `为${memberName(chosen)}签到` : '签到'}
      busy={busy}
      disabled={!chosen}
      onConfirm={() => chosen && onConfirm(chosen)}
      onCancel={onCancel}
    >
      <Text className="proxy-dialog__prompt">为不方便扫码的成员签到，签到时间按现在记录。</Text>
      <View className="proxy-dialog__search">
        <Search size={18} color="#7a7e87" />
        <Input value={query} placeholder="输入姓名查找" clearable onChange={setQuery} />
      </View>
      {list()}
    </FormDialog>
  );
}
