import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import { MEMBERSHIP_STATUS_LABELS, MembershipStatus, MembershipView, ROLE_LABELS } from '@redvest/contract';
import { sortRoles } from '@redvest/domain';
import { canApprovePoints, isSecretary } from '../hooks/useMe';
import { Badge } from './Badge';
import { activitiesAdminPage, adminPage, correctionsPage } from '../services/routes';
import { auditLogPage, wishesAdminPage } from '../services/routes';
import './MembershipCard.scss';

/**
 * One community the user belongs to: its name, whether verified, the roles held there, 退出社区 when
 * `onLeave` is given, and the tools of its secretaries (a branch secretary gets 积分审批 for their compounds).
 */
export function MembershipCard({
  membership,
  onLeave,
}: {
  membership: MembershipView;
  onLeave?: (membership: MembershipView) => void;
}) {
  const pending = membership.status === MembershipStatus.Pending;
  const roles = sortRoles(membership.roles);
  const cid = membership.communityId;
  return (
    <View className="rv-card membership-card">
      <View className="membership-card__head">
        <Text className="membership-card__name">{membership.communityName}</Text>
        <Badge tone={pending ? 'orange' : 'green'} round>
          {MEMBERSHIP_STATUS_LABELS[membership.status]}
        </Badge>
      </View>
      {roles.length ? (
        <View className="rv-tags">
          {roles.map((role) => (
            <Badge key={role} tone="red">
              {ROLE_LABELS[role]}
            </Badge>
          ))}
        </View>
      ) : null}
      <View className="membership-card__facts">
        {membership.realName ? <Fact label="姓名（社区登记）" value={membership.realName} /> : null}
        {membership.compound ? <Fact label="所在小区" value={membership.compound.name} /> : null}
        {membership.branchCompounds.length ? (
          <Fact label="负责小区" value={membership.branchCompounds.map((c) => c.name).join('、')} />
        ) : null}
        {membership.employer ? <Fact label="原单位" value={membership.employer} /> : null}
      </View>
      {pending ? (
        <Text className="membership-card__note">入社区申请已提交，社区工作人员核实后即可使用全部功能。</Text>
      ) : null}
      {onLeave ? (
        <View className="membership-card__leave">
          <Button fill="outline" onClick={() => onLeave(membership)}>
            {pending ? '撤回申请' : '退出社区'}
          </Button>
        </View>
      ) : null}
      {canApprovePoints(membership) ? (
        <View className="membership-card__admin">
          <Cell
            title="积分审批"
            description="审批志愿服务获得的积分和时长"
            align="center"
            clickable
            extra={<ArrowRight size={16} />}
            onClick={() => void Taro.navigateTo({ url: adminPage('approvals', { cid }) })}
          />
          <Cell
            title="心愿审核"
            description="审核居民心愿，派单，代居民确认"
            align="center"
            clickable
            extra={<ArrowRight size={16} />}
            onClick={() => void Taro.navigateTo({ url: wishesAdminPage(cid) })}
          />
          {isSecretary(membership) ? (
            <>
              <Cell
                title="活动管理"
                description="发布活动，签到码、签到名单"
                align="center"
                clickable
                extra={<ArrowRight size={16} />}
                onClick={() => void Taro.navigateTo({ url: activitiesAdminPage(cid) })}
              />
              <Cell
                title="服务记录更正"
                description="处理志愿者的服务时长更正申请"
                align="center"
                clickable
                extra={<ArrowRight size={16} />}
                onClick={() => void Taro.navigateTo({ url: correctionsPage(cid) })}
              />
              <Cell
                title="成员审核"
                description="审核入社区申请，设置成员角色"
                align="center"
                clickable
                extra={<ArrowRight size={16} />}
                onClick={() => void Taro.navigateTo({ url: adminPage('members', { cid }) })}
              />
              <Cell
                title="楼栋住户"
                description="查看楼栋与住户，导入住户表格"
                align="center"
                clickable
                extra={<ArrowRight size={16} />}
                onClick={() => void Taro.navigateTo({ url: adminPage('buildings', { cid }) })}
              />
              <Cell
                title="商品管理"
                description="兑换商品上下架，确认领取"
                align="center"
                clickable
                extra={<ArrowRight size={16} />}
                onClick={() => void Taro.navigateTo({ url: adminPage('rewards', { cid }) })}
              />
              <Cell
                title="审计日志"
                description="谁在何时做了哪些管理操作，可导出"
                align="center"
                clickable
                extra={<ArrowRight size={16} />}
                onClick={() => void Taro.navigateTo({ url: auditLogPage(cid) })}
              />
            </>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="membership-card__fact">
      <Text className="membership-card__label">{label}</Text>
      <Text className="membership-card__value">{value}</Text>
    </View>
  );
}
