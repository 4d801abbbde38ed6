import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MembershipStatus, MemberView, ROLE_LABELS } from '@redvest/contract';
import { sortRoles } from '@redvest/domain';
import { Badge } from '../../components/Badge';
import { shownPhone } from '../../components/members';
import { Page } from '../../components/Page';
import { ReasonDialog } from '../../components/ReasonDialog';
import { Segmented } from '../../components/Segmented';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../components/states';
import { toApiError } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { usePagedList } from '../../hooks/usePagedList';
import { api } from '../../services/api';
import { queryParam } from '../../services/routes';
import { RoleEditor } from './RoleEditor';
import './index.scss';
import { showToast } from '../../services/toast';

type Tab = MembershipStatus.Pending | MembershipStatus.Active;
const TABS: { key: Tab; label: string }[] = [
  { key: MembershipStatus.Pending, label: '待审核' },
  { key: MembershipStatus.Active, label: '已认证成员' },
];

const REMOVAL_REASONS = ['已搬离本社区', '重复登记', '本人要求退出'] as const;

function formatDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso;
}

export default function MembersPage() {
  useRequireLogin();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const [tab, setTab] = useState<Tab>(MembershipStatus.Pending);
  const [editing, setEditing] = useState<string | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const [busy, setBusy] = useState(false);
  const list = usePagedList<MemberView>(
    (cursor) => api.communities.members(cid, { status: tab, cursor, limit: 20 }),
    [cid, tab],
  );

  const verify = async (member: MemberView) => {
    if (verifying) return;
    setVerifying(member.userId);
    try {
      await api.communities.verifyMember(cid, member.userId);
      list.updateItems((items) => items.filter((item) => item.userId !== member.userId));
      void showToast({ title: '已通过', icon: 'success' });
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setVerifying(null);
    }
  };

  /** 移除成员: the member is told why; their service records and points stay. */
  const remove = async (member: MemberView, reason: string) => {
    setBusy(true);
    try {
      await api.communities.removeMember(cid, member.userId, { reason });
      list.updateItems((items) => items.filter((item) => item.userId !== member.userId));
      setRemoving(null);
      void showToast({ title: '已移除', icon: 'success' });
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  const body = () => {
    if (list.loading) return <LoadingState cards={3} rows={2} />;
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.items.length) {
      return tab === MembershipStatus.Pending ? (
        <EmptyState title="没有待审核的申请" description="居民凭邀请码申请加入后，会出现在这里。" />
      ) : (
        <EmptyState title="还没有已认证的成员" description="审核通过的成员会出现在这里。" />
      );
    }
    return (
      <>
        {list.items.map((member) => (
          <View className="rv-card member-card" key={member.userId}>
            <View className="member-card__head">
              <Text className="member-card__name">{member.realName ?? member.nickname}</Text>
              {member.realName ? <Text className="rv-muted">微信昵称：{member.nickname}</Text> : null}
            </View>
            <View className="member-card__facts">
              <Text>电话：{shownPhone(member.phone)}</Text>
              {member.compound ? <Text>小区：{member.compound.name}</Text> : null}
              {member.employer ? <Text>原单位：{member.employer}</Text> : null}
              {member.branchCompounds.length ? (
                <Text>负责小区：{member.branchCompounds.map((c) => c.name).join('、')}</Text>
              ) : null}
              <Text className="rv-muted">
                {member.status === MembershipStatus.Pending ? '申请时间' : '加入时间'}：
                {formatDate(member.joinedAt)}
              </Text>
            </View>
            {member.status === MembershipStatus.Active ? (
              <>
                <View className="rv-tags">
                  {sortRoles(member.roles).map((role) => (
                    <Badge key={role} tone="red">
                      {ROLE_LABELS[role]}
                    </Badge>
                  ))}
                </View>
                {editing === member.userId ? (
                  <RoleEditor
                    cid={cid}
                    member={member}
                    onCancel={() => setEditing(null)}
                    onSaved={(saved) => {
                      list.updateItems((items) =>
                        items.map((item) => (item.userId === saved.userId ? saved : item)),
                      );
                      setEditing(null);
                    }}
                  />
                ) : (
                  <View className="rv-actions">
                    <Button
                      size="large"
                      fill="outline"
                      type="primary"
                      onClick={() => setEditing(member.userId)}
                    >
                      设置角色
                    </Button>
                    <Button size="large" onClick={() => setRemoving(member)}>
                      移除成员
                    </Button>
                  </View>
                )}
              </>
            ) : (
              <View className="rv-actions">
                <Button
                  type="primary"
                  size="large"
                  loading={verifying === member.userId}
                  disabled={verifying !== null && verifying !== member.userId}
                  onClick={() => void verify(member)}
                >
                  通过
                </Button>
              </View>
            )}
          </View>
        ))}
        <ListFooter loading={list.loadingMore} done={!list.hasMore} />
      </>
    );
  };

  return (
    <Page className="members-page">
      <Segmented
        items={TABS}
        value={tab}
        onChange={(key) => {
          setEditing(null);
          setTab(key);
        }}
      />
      {body()}
      {removing ? (
        <ReasonDialog
          title={`移除${removing.realName ?? removing.nickname}`}
          prompt="移除后对方不再是本社区成员，角色、包户小组和认领中的心愿随即结束，未领取的兑换退回积分；服务记录和积分明细保留。对方会收到通知，请写明原因。"
          confirmText="确定移除"
          presets={REMOVAL_REASONS}
          maxLength={200}
          busy={busy}
          onConfirm={(reason) => void remove(removing, reason)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </Page>
  );
}
