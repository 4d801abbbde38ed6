import { ReactNode, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  ArrowDown,
  Articles,
  Check,
  Clock,
  Edit,
  Gift,
  Heart,
  Home,
  List,
  Order,
  Scan,
  Service,
  ShieldCheck,
  Star,
  User,
} from '@nutui/icons-react-taro';
import { MeResponse, MembershipStatus, MembershipView, Role } from '@redvest/contract';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import {
  canApprovePoints,
  canEvaluate,
  currentMembership,
  isPartyMember,
  isSecretary,
  useMe,
} from '../../hooks/useMe';
import {
  ACTIVITIES_PAGE,
  activitiesAdminPage,
  adminPage,
  correctionsPage,
  joinPage,
  MY_HOUSEHOLDS_PAGE,
  POINTS_PAGE,
  RECORDS_PAGE,
  TAB_PAGES,
} from '../../services/routes';
import {
  auditLogPage,
  contactAdminPage,
  contactListsPage,
  DEMANDS_PAGE,
  evaluationPage,
  wishesAdminPage,
} from '../../services/routes';
import { HeartFill } from '@nutui/icons-react-taro';
import { setCurrentCommunityId } from '../../services/session';
import { useElderlyMode } from '../../hooks/useElderlyMode';
import { useElderlySetting } from '../../hooks/useElderlySetting';
import { ElderlyHome } from './ElderlyHome';
import { ElderlyOffer } from './ElderlyOffer';
import './index.scss';

/** 上午好 / 下午好 / 晚上好 by the hour in China. */
export function greeting(date = new Date()): string {
  const hour = (date.getUTCHours() + 8) % 24;
  if (hour < 5) return '夜深了';
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

function Tile({
  icon,
  title,
  note,
  tone,
  onClick,
}: {
  icon: ReactNode;
  title: string;
  note: string;
  tone: string;
  onClick: () => void;
}) {
  return (
    <View className={`home-tile home-tile--${tone}`} onClick={onClick} role="button">
      <View className="home-tile__icon">{icon}</View>
      <Text className="home-tile__title">{title}</Text>
      <Text className="home-tile__note">{note}</Text>
    </View>
  );
}

/** Offered 长辈模式 at first use: only those who are nothing but residents, and only until they answer. */
export function offersElderlyMode(me: MeResponse): boolean {
  if (me.settings.elderlyModeChosen || !me.memberships.length) return false;
  return me.memberships.every(isOnlyResident);
}

export default function HomePage() {
  const me = useMe();
  const elderly = useElderlyMode();
  const setting = useElderlySetting((next) => me.setData(() => next));
  // Re-render after the user picks another community (kept in storage).
  const [, setPicked] = useState(0);

  if (me.loading) {
    return (
      <Page className="home-page">
        <LoadingState cards={2} rows={2} />
      </Page>
    );
  }
  if (me.error || !me.data) {
    return (
      <Page className="home-page">
        <ErrorState error={me.error ?? new Error('没有数据')} onRetry={me.reload} />
      </Page>
    );
  }

  const { nickname, memberships } = me.data;
  const membership = currentMembership(me.data);

  const pickCommunity = async () => {
    if (memberships.length < 2) return;
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: memberships.map((m) => m.communityName) });
      setCurrentCommunityId(memberships[tapIndex].communityId);
      setPicked((n) => n + 1);
    } catch {
      // cancelled
    }
  };

  return (
    <Page className="home-page">
      <View className="home-hero">
        <Text className="home-hero__greeting">
          {greeting()}，{nickname}
        </Text>
        {membership ? (
          <View className="home-hero__community" onClick={() => void pickCommunity()}>
            <Text className="home-hero__name">{membership.communityName}</Text>
            {memberships.length > 1 ? <ArrowDown size={16} color="#ffffff" /> : null}
          </View>
        ) : (
          <Text className="home-hero__name">欢迎使用红马甲</Text>
        )}
        <Text className="home-hero__slogan">有时间，来帮忙；有困难，找红马甲</Text>
      </View>

      {!membership ? (
        <EmptyState
          title="还没有加入社区"
          description="凭社区邀请码加入后，就能扫码签到、发布和认领心愿。"
          actionText="加入社区"
          onAction={() => void Taro.navigateTo({ url: joinPage() })}
        />
      ) : (
        <>
          {offersElderlyMode(me.data) ? <ElderlyOffer onChosen={(next) => me.setData(() => next)} /> : null}
          {elderly ? <ElderlyHome membership={membership} /> : null}
          {elderly && isOnlyResident(membership) ? null : <HomeContent membership={membership} />}
        </>
      )}
      <View className="home-mode">
        <Button fill="outline" block loading={setting.saving} onClick={() => void setting.choose(!elderly)}>
          {elderly ? '退出长辈模式' : '长辈模式（大字体）'}
        </Button>
      </View>
    </Page>
  );
}

function isOnlyResident(membership: MembershipView): boolean {
  return membership.roles.every((role) => role === Role.Resident);
}

function HomeContent({ membership }: { membership: MembershipView }) {
  const pending = membership.status === MembershipStatus.Pending;
  const cid = membership.communityId;
  return (
    <>
      {pending ? (
        <View className="rv-card home-notice">
          <Badge tone="orange" round>
            待审核
          </Badge>
          <Text className="home-notice__text">
            入社区申请正在审核中，社区工作人员核实后即可使用全部功能。
          </Text>
        </View>
      ) : null}

      <Text className="rv-section-title">常用服务</Text>
      <View className="home-tiles">
        <Tile
          icon={<Scan size={30} />}
          title="扫码签到"
          note="活动现场扫一扫"
          tone="red"
          onClick={() => void Taro.switchTab({ url: TAB_PAGES.scan })}
        />
        <Tile
          icon={<Service size={30} />}
          title="志愿活动"
          note="报名参加活动"
          tone="green"
          onClick={() => void Taro.navigateTo({ url: ACTIVITIES_PAGE })}
        />
        <Tile
          icon={<Heart size={30} />}
          title="心愿墙"
          note="邻里微心愿"
          tone="orange"
          onClick={() => void Taro.switchTab({ url: TAB_PAGES.wishes })}
        />
        <Tile
          icon={<Star size={30} />}
          title="我的积分"
          note="爱心银行"
          tone="gold"
          onClick={() => void Taro.navigateTo({ url: POINTS_PAGE })}
        />
        <Tile
          icon={<Order size={30} />}
          title="服务记录"
          note="时长与服务证明"
          tone="teal"
          onClick={() => void Taro.navigateTo({ url: RECORDS_PAGE })}
        />
        {isPartyMember(membership) ? (
          <Tile
            icon={<Home size={30} />}
            title="我的包户"
            note="入户走访与诉求"
            tone="red"
            onClick={() => void Taro.navigateTo({ url: MY_HOUSEHOLDS_PAGE })}
          />
        ) : null}
        {isPartyMember(membership) || canApprovePoints(membership) ? (
          <Tile
            icon={<List size={30} />}
            title="三单"
            note="资源、需求、项目"
            tone="orange"
            onClick={() => void Taro.navigateTo({ url: contactListsPage(cid) })}
          />
        ) : null}
        {canEvaluate(membership) ? (
          <Tile
            icon={<ShieldCheck size={30} />}
            title="年度评价"
            note="小组、支部、社区评价"
            tone="gold"
            onClick={() => void Taro.navigateTo({ url: evaluationPage(cid) })}
          />
        ) : null}
        <Tile
          icon={<User size={30} />}
          title="我的社区"
          note="身份与角色"
          tone="blue"
          onClick={() => void Taro.switchTab({ url: TAB_PAGES.mine })}
        />
      </View>

      {canApprovePoints(membership) ? (
        <>
          <Text className="rv-section-title">社区管理</Text>
          <View className="home-tiles">
            <Tile
              icon={<Check size={30} />}
              title="积分审批"
              note="志愿服务积分"
              tone="red"
              onClick={() => void Taro.navigateTo({ url: adminPage('approvals', { cid }) })}
            />
            <Tile
              icon={<HeartFill size={30} />}
              title="心愿审核"
              note="审核、派单、代确认"
              tone="orange"
              onClick={() => void Taro.navigateTo({ url: wishesAdminPage(cid) })}
            />
            <Tile
              icon={<Edit size={30} />}
              title="群众诉求"
              note="受理、办理、办结"
              tone="blue"
              onClick={() => void Taro.navigateTo({ url: DEMANDS_PAGE })}
            />
            {isSecretary(membership) ? (
              <>
                <Tile
                  icon={<Clock size={30} />}
                  title="活动管理"
                  note="发布活动与签到"
                  tone="blue"
                  onClick={() => void Taro.navigateTo({ url: activitiesAdminPage(cid) })}
                />
                <Tile
                  icon={<Edit size={30} />}
                  title="服务记录更正"
                  note="时长更正申请"
                  tone="gold"
                  onClick={() => void Taro.navigateTo({ url: correctionsPage(cid) })}
                />
                <Tile
                  icon={<Gift size={30} />}
                  title="商品管理"
                  note="兑换商品与领取"
                  tone="orange"
                  onClick={() => void Taro.navigateTo({ url: adminPage('rewards', { cid }) })}
                />
                <Tile
                  icon={<User size={30} />}
                  title="成员审核"
                  note="入社区申请与角色"
                  tone="green"
                  onClick={() => void Taro.navigateTo({ url: adminPage('members', { cid }) })}
                />
                <Tile
                  icon={<Home size={30} />}
                  title="楼栋住户"
                  note="楼栋、楼层与住户"
                  tone="teal"
                  onClick={() => void Taro.navigateTo({ url: adminPage('buildings', { cid }) })}
                />
                <Tile
                  icon={<Home size={30} />}
                  title="包户管理"
                  note="包户小组与走访"
                  tone="red"
                  onClick={() => void Taro.navigateTo({ url: contactAdminPage(cid) })}
                />
                <Tile
                  icon={<Articles size={30} />}
                  title="审计日志"
                  note="管理操作记录"
                  tone="blue"
                  onClick={() => void Taro.navigateTo({ url: auditLogPage(cid) })}
                />
              </>
            ) : null}
          </View>
        </>
      ) : null}
    </>
  );
}
