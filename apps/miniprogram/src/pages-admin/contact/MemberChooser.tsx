import { useMemo, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { Checked, Search } from '@nutui/icons-react-taro';
import { MemberView, Role } from '@redvest/contract';
import { effectiveRoles } from '@redvest/domain';
import { allActiveMembers, memberName, shownPhone } from '../../components/members';
import { InlineRetry } from '../../components/InlineRetry';
import { useAsync } from '../../hooks/useAsync';
import { GroupMember } from './group-form';

/** With more party members than this the list gets a search box, and shows at most `SHOWN` rows. */
const SEARCH_FROM = 8;
const SHOWN = 40;

function isPartyMember(member: MemberView): boolean {
  return effectiveRoles(member.roles).has(Role.PartyMember);
}

function matches(member: MemberView, query: string): boolean {
  return [memberName(member), member.nickname, member.employer, member.phone?.slice(-4)].some(
    (text) => !!text && text.includes(query),
  );
}

/** One member to tick: name, masked phone and employer. */
function MemberRow({
  name,
  facts,
  checked,
  disabled,
  onClick,
}: {
  name: string;
  facts: string;
  checked: boolean;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <View
      role="checkbox"
      aria-checked={checked}
      aria-disabled={disabled}
      className={`group-member${checked ? ' group-member--checked' : ''}${disabled ? ' group-member--disabled' : ''}`}
      onClick={() => !disabled && onClick()}
    >
      <View className="group-member__text">
        <Text className="group-member__name">{name}</Text>
        <Text className="group-member__facts">{facts}</Text>
      </View>
      <View className="group-member__tick">{checked ? <Checked size={24} color="#c8161d" /> : null}</View>
    </View>
  );
}

/**
 * The community's party members (在职党员) to tick for a group, found by name; members already in the group
 * who are no longer party members stay listed, so they can be taken out.
 */
export function MemberChooser({
  cid,
  selected,
  max,
  onToggle,
}: {
  cid: string;
  selected: GroupMember[];
  max: number;
  onToggle: (member: GroupMember) => void;
}) {
  const members = useAsync(() => allActiveMembers(cid), [cid]);
  const [query, setQuery] = useState('');
  const party = useMemo(() => (members.data ?? []).filter(isPartyMember), [members.data]);
  const chosen = new Set(selected.map((member) => member.userId));
  const full = selected.length >= max;

  if (members.loading) return <Text className="rv-muted">正在加载党员名单…</Text>;
  if (members.error) {
    return <InlineRetry error={members.error} onRetry={() => void members.reload()} />;
  }

  const wanted = query.trim();
  const shown = wanted ? party.filter((member) => matches(member, wanted)) : party;
  const listed = new Set(party.map((member) => member.userId));
  const outside = selected.filter((member) => !listed.has(member.userId));

  return (
    <View className="group-members">
      {party.length > SEARCH_FROM ? (
        <View className="group-members__search">
          <Search size={20} color="#7a7e87" />
          <Input value={query} placeholder="输入姓名、手机尾号或单位查找" clearable onChange={setQuery} />
        </View>
      ) : null}
      {outside.map((member) => (
        <MemberRow
          key={member.userId}
          name={member.name}
          facts="已不在在职党员名单中"
          checked
          disabled={false}
          onClick={() => onToggle(member)}
        />
      ))}
      {shown.slice(0, SHOWN).map((member) => {
        const checked = chosen.has(member.userId);
        return (
          <MemberRow
            key={member.userId}
            name={memberName(member)}
            facts={[
              `电话：${shownPhone(member.phone)}`,
              member.employer ? `原单位：${member.employer}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
            checked={checked}
            disabled={!checked && full}
            onClick={() => onToggle({ userId: member.userId, name: memberName(member) })}
          />
        );
      })}
      {!party.length ? (
        <Text className="rv-muted">
          社区还没有在职党员。请先在“成员审核”的已认证成员中，给党员设置“在职党员”角色。
        </Text>
      ) : !shown.length ? (
        <Text className="rv-muted">没有找到“{wanted}”</Text>
      ) : shown.length > SHOWN ? (
        <Text className="rv-muted">还有 {shown.length - SHOWN} 人没有列出，请输入姓名查找</Text>
      ) : null}
    </View>
  );
}
