import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { MembershipStatus, MembershipView } from '@redvest/contract';
import { Avatar, Button, Cell, CellGroup, Skeleton } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import { Badge } from '../../components/Badge';
import { InvitationCard } from '../../components/InvitationCard';
import { MembershipCard } from '../../components/MembershipCard';
import { WishInboxCell } from '../../components/wishes/WishInboxCell';
import { Page } from '../../components/Page';
import { SwitchRow } from '../../components/SwitchRow';
import { useElderlySetting } from '../../hooks/useElderlySetting';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync, usePullToRefresh, useShownAgain } from '../../hooks/useAsync';
import { currentMembership, isPartyMember, useMe } from '../../hooks/useMe';
import { pickAccount, useMyPoints } from '../../hooks/usePoints';
import { api } from '../../services/api';
import { logout, logoutEverywhere } from '../../services/auth';
import {
  DELETE_ACCOUNT_PAGE,
  DEMANDS_PAGE,
  FAMILY_PAGE,
  joinPage,
  MY_DATA_PAGE,
  MY_HOUSEHOLDS_PAGE,
  POINTS_PAGE,
  RECORDS_PAGE,
} from '../../services/routes';
import { getToken } from '../../services/session';
import './index.scss';
import { showModal } from '../../services/modal';
import { showToast } from '../../services/toast';

const goJoin = () => void Taro.navigateTo({ url: joinPage() });

async function confirmLogout() {
  const { confirm } = await showModal({
    title: '退出登录',
    content: '确定要退出登录吗？',
    confirmText: '退出',
  });
  if (confirm) await logout();
}

async function confirmLogoutEverywhere() {
  const { confirm } = await showModal({
    title: '退出所有设备',
    content: '您在所有手机上的登录都会失效，需要重新登录。手机丢了或借给别人用过时可以这样做。确定吗？',
    confirmText: '全部退出',
  });
  if (!confirm) return;
  try {
    await logoutEverywhere();
  } catch (error) {
    void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
  }
}

/**
 * 退出社区 (or, while waiting for verification, 撤回申请), after saying what it does. False when the user
 * thought better of it or the server refused (the last secretary must hand over first).
 */
async function leaveCommunity(membership: MembershipView): Promise<boolean> {
  const pending = membership.status === MembershipStatus.Pending;
  const { confirm } = await showModal({
    title: pending ? '撤回入社区申请' : `退出${membership.communityName}`,
    content: pending
      ? '撤回后，您填写的姓名和手机号将从该社区删除。以后可以凭邀请码重新申请。'
      : '退出后：您在该社区的角色和包户小组随即结束，认领中的心愿重新开放，未完成的心愿撤回，未领取的兑换取消并退回积分；手机号和住户信息删除，姓名只随您的服务记录和积分明细保留。以后可以凭邀请码重新申请加入。',
    confirmText: pending ? '撤回申请' : '确定退出',
    confirmColor: '#c8161d',
    cancelText: '再想想',
  });
  if (!confirm) return false;
  try {
    await api.communities.leave(membership.communityId);
    void showToast({ title: pending ? '已撤回' : '已退出社区', icon: 'success' });
    return true;
  } catch (error) {
    await showModal({ title: '没有退出', content: toApiError(error).message, showCancel: false });
    return false;
  }
}

export default function MinePage() {
  const me = useMe();
  const points = useMyPoints();
  const invitations = useAsync(() => api.me.invitations(), [], { skip: !getToken() });
  useShownAgain(() => void invitations.reload());
  usePullToRefresh(invitations.reload);
  const pendingInvitations = (invitations.data?.items ?? []).filter((i) => i.status === 'pending');
  const elderly = useElderlySetting((next) => me.setData(() => next));
  const leave = async (membership: MembershipView) => {
    if (await leaveCommunity(membership)) await me.reload();
  };

  if (me.loading) {
    return (
      <Page className="mine-page">
        <View className="rv-card mine-profile">
          <Skeleton shape="circle" width="56px" height="56px" />
          <View className="mine-profile__text mine-profile__text--loading">
            <Skeleton rows={2} />
          </View>
        </View>
        <LoadingState />
      </Page>
    );
  }
  if (me.error || !me.data) {
    return (
      <Page className="mine-page">
        <ErrorState error={me.error ?? new Error('没有数据')} onRetry={me.reload} />
      </Page>
    );
  }

  const { nickname, isPlatformAdmin, memberships } = me.data;
  const account = pickAccount(points.data?.accounts, currentMembership(me.data)?.communityId);
  return (
    <Page className="mine-page">
      <View className="rv-card mine-profile">
        <Avatar size="56" background="#c8161d" color="#ffffff" className="mine-profile__avatar">
          {[...nickname][0] ?? '我'}
        </Avatar>
        <View className="mine-profile__text">
          {/* The person sees themself: their WeChat nickname, said to be one; the community's records carry the
              real name (姓名, on the community card below); see docs/architecture.md. */}
          <Text className="mine-profile__name">{nickname}</Text>
          <Text className="mine-profile__nickname">微信昵称</Text>
          {isPlatformAdmin ? (
            <Badge tone="blue">平台管理员</Badge>
          ) : (
            <Text className="rv-muted">
              {memberships.length ? `已加入 ${memberships.length} 个社区` : '尚未加入社区'}
            </Text>
          )}
        </View>
      </View>

      {memberships.length ? (
        <CellGroup className="mine-points">
          <Cell
            title="我的积分"
            description="爱心银行：积分明细、兑换、排行榜"
            align="center"
            clickable
            extra={
              <View className="mine-points__extra">
                {account ? <Text className="mine-points__balance">{account.points.balance}</Text> : null}
                {account ? <Text className="rv-muted">积分</Text> : null}
                <ArrowRight size={16} />
              </View>
            }
            onClick={() => void Taro.navigateTo({ url: POINTS_PAGE })}
          />
          <Cell
            title="我的服务记录"
            description="签到签退、服务时长、志愿服务证明"
            align="center"
            clickable
            extra={<ArrowRight size={16} />}
            onClick={() => void Taro.navigateTo({ url: RECORDS_PAGE })}
          />
          {isPartyMember(currentMembership(me.data)) ? (
            <Cell
              title="我的包户"
              description="包干到户：入户走访、群众诉求"
              align="center"
              clickable
              extra={<ArrowRight size={16} />}
              onClick={() => void Taro.navigateTo({ url: MY_HOUSEHOLDS_PAGE })}
            />
          ) : null}
          <Cell
            title="我的家人"
            description="让家人替我发布、确认心愿"
            align="center"
            clickable
            extra={<ArrowRight size={16} />}
            onClick={() => void Taro.navigateTo({ url: FAMILY_PAGE })}
          />
          <Cell
            title="群众诉求"
            description="向社区反映难事，查看办理进度"
            align="center"
            clickable
            extra={<ArrowRight size={16} />}
            onClick={() => void Taro.navigateTo({ url: DEMANDS_PAGE })}
          />
        </CellGroup>
      ) : null}

      {memberships.length ? <WishInboxCell /> : null}

      {pendingInvitations.length ? (
        <>
          <Text className="rv-section-title">社区邀请</Text>
          {pendingInvitations.map((invitation) => (
            <InvitationCard
              key={invitation.id}
              invitation={invitation}
              onAnswered={() => void Promise.all([invitations.reload(), me.reload()])}
              onStale={() => void invitations.reload()}
            />
          ))}
        </>
      ) : null}

      <Text className="rv-section-title">我的社区</Text>
      {memberships.length ? (
        memberships.map((membership) => (
          <MembershipCard
            key={membership.communityId}
            membership={membership}
            onLeave={(m) => void leave(m)}
          />
        ))
      ) : (
        <EmptyState
          title="还没有加入社区"
          description="向社区工作人员要一个邀请码，加入后就能参加志愿活动、发布心愿。"
          actionText="加入社区"
          onAction={goJoin}
        />
      )}

      <Text className="rv-section-title">设置</Text>
      <View className="rv-card">
        <SwitchRow
          title="长辈模式"
          note="字更大、按钮更大，首页只留最常用的四件事"
          checked={me.data.settings.elderlyMode}
          onChange={(on) => void (elderly.saving ? undefined : elderly.choose(on))}
        />
      </View>

      <CellGroup className="mine-links">
        <Cell
          title="加入社区"
          description="凭社区邀请码加入"
          align="center"
          clickable
          extra={<ArrowRight size={16} />}
          onClick={goJoin}
        />
        <Cell
          title="隐私保护指引"
          align="center"
          clickable
          extra={<ArrowRight size={16} />}
          onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index?mode=read' })}
        />
        <Cell
          title="导出我的数据"
          description="查看、复制我们保存的关于您的全部信息"
          align="center"
          clickable
          extra={<ArrowRight size={16} />}
          onClick={() => void Taro.navigateTo({ url: MY_DATA_PAGE })}
        />
        <Cell
          title="注销账号"
          description="删除您的个人信息，注销后不能恢复"
          align="center"
          clickable
          extra={<ArrowRight size={16} />}
          onClick={() => void Taro.navigateTo({ url: DELETE_ACCOUNT_PAGE })}
        />
      </CellGroup>

      <View className="mine-logout">
        <Button size="large" block onClick={() => void confirmLogout()}>
          退出登录
        </Button>
        <Button size="large" block fill="none" onClick={() => void confirmLogoutEverywhere()}>
          退出所有设备
        </Button>
      </View>
    </Page>
  );
}
