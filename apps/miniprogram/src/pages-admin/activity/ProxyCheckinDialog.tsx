import { useMemo, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Search } from '@nutui/icons-react-taro';
import { MemberView } from '@redvest/contract';
import { FormDialog } from '../../components/FormDialog';
import { allActiveMembers, memberName, shownPhone } from '../../components/members';
import { useAsync } from '../../hooks/useAsync';

/** The members endpoint has no search: the dialog filters the loaded members, listing this many at most. */
const SHOWN = 50;

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
  const members = useAsync(() => allActiveMembers(cid), [cid]);
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
      <View className="proxy-dialog__list" role="listbox" tabIndex={0}>
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
              <Text className="proxy-dialog__phone">
                {here ? '已在名单中' : shownPhone(member.phone, '未留电话')}
              </Text>
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
