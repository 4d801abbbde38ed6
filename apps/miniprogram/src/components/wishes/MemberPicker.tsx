import { useState } from 'react';
import { View, Text, ScrollView } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Close, Search } from '@nutui/icons-react-taro';
import { MembershipStatus, MemberView, Page as ContractPage, ROLE_LABELS } from '@redvest/contract';
import { sortRoles } from '@redvest/domain';
import { toApiError, useAsync } from '../../hooks/useAsync';
import { api } from '../../services/api';
import { Badge } from '../Badge';
import { memberName } from '../members';
import { ErrorState, LoadingState } from '../states';
import './wishes.scss';
import { showToast } from '../../services/toast';

const PAGE = 100;

function matches(member: MemberView, query: string): boolean {
  if (!query) return true;
  return [member.realName, member.nickname, member.phone?.replace(/\*/g, ''), member.employer].some(
    (text) => !!text && text.includes(query),
  );
}

/**
 * A sheet from the bottom listing the community's verified members who fit (`eligible`): search by name, phone
 * or employer, tap one to choose. Used to 派单 to a party member and to 代居民发布 for a resident.
 */
export function MemberPicker({
  cid,
  title,
  hint,
  eligible,
  onPick,
  onClose,
}: {
  cid: string;
  title: string;
  hint?: string;
  eligible: (member: MemberView) => boolean;
  onPick: (member: MemberView) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const members = useAsync<ContractPage<MemberView>>(async () => {
    const page = await api.communities.members(cid, { status: MembershipStatus.Active, limit: PAGE });
    return { items: page.items, nextCursor: page.nextCursor };
  }, [cid]);

  const loadMore = async () => {
    const cursor = members.data?.nextCursor;
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await api.communities.members(cid, {
        status: MembershipStatus.Active,
        limit: PAGE,
        cursor,
      });
      members.setData((current) => ({
        items: [...(current?.items ?? []), ...next.items],
        nextCursor: next.nextCursor,
      }));
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setLoadingMore(false);
    }
  };

  const trimmed = query.trim();
  const shown = (members.data?.items ?? []).filter((member) => eligible(member) && matches(member, trimmed));

  const list = () => {
    if (members.loading) return <LoadingState cards={2} rows={1} />;
    if (members.error) return <ErrorState error={members.error} onRetry={members.reload} />;
    return (
      <>
        {shown.map((member) => (
          <View
            key={member.userId}
            className="member-sheet__row"
            role="button"
            onClick={() => onPick(member)}
          >
            <View className="member-sheet__who">
              <Text className="member-sheet__name">{memberName(member)}</Text>
              {sortRoles(member.roles)
                .slice(0, 2)
                .map((role) => (
                  <Badge key={role} tone="red">
                    {ROLE_LABELS[role]}
                  </Badge>
                ))}
            </View>
            <Text className="member-sheet__facts">
              {[member.compound?.name, member.employer, member.phone].filter(Boolean).join(' · ') || ' '}
            </Text>
          </View>
        ))}
        {!shown.length ? (
          <Text className="member-sheet__empty">
            {trimmed ? `没有找到“${trimmed}”` : '没有可以选择的成员'}
          </Text>
        ) : null}
        {members.data?.nextCursor ? (
          <View className="member-sheet__more">
            <Button size="large" loading={loadingMore} onClick={() => void loadMore()}>
              加载更多成员
            </Button>
          </View>
        ) : null}
      </>
    );
  };

  return (
    <View className="member-sheet" catchMove>
      <View className="member-sheet__mask" onClick={onClose} />
      <View className="member-sheet__panel" role="dialog" aria-label={title}>
        <View className="member-sheet__head">
          <Text className="member-sheet__title">{title}</Text>
          <View className="member-sheet__close" role="button" aria-label="关闭" onClick={onClose}>
            <Close size={20} />
          </View>
        </View>
        {hint ? <Text className="member-sheet__hint">{hint}</Text> : null}
        <View className="member-sheet__search">
          <Search size={20} color="#9a9ea6" />
          <Input value={query} placeholder="输入姓名、手机尾号或单位查找" clearable onChange={setQuery} />
        </View>
        <ScrollView scrollY className="member-sheet__list">
          {list()}
        </ScrollView>
      </View>
    </View>
  );
}
