import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ContactGroupView } from '@redvest/contract';
import { Badge } from '../../components/Badge';

/** One contact group: compound, households, leader and members; an active one with 修改, 分配住户 and 解散. */
export function GroupCard({
  group,
  dissolving,
  onEdit,
  onAssign,
  onDissolve,
}: {
  group: ContactGroupView;
  dissolving: boolean;
  onEdit: () => void;
  onAssign: () => void;
  onDissolve: () => void;
}) {
  const leader = group.members.find((member) => member.userId === group.leaderId);
  const active = group.status === 'active';
  return (
    <View className="rv-card contact-group">
      <View className="contact-group__head">
        <Text className="contact-group__name">{group.name}</Text>
        {active ? null : <Badge tone="orange">已解散</Badge>}
      </View>
      <Text className="contact-group__line">
        {[group.compound, `包 ${group.householdCount} 户`].filter(Boolean).join(' · ')}
      </Text>
      <Text className="contact-group__line">
        组长：{leader?.name ?? '—'} · 成员：{group.members.map((member) => member.name).join('、')}
      </Text>
      {active ? (
        <View className="rv-actions contact-group__actions">
          <Button type="primary" onClick={onAssign}>
            分配住户
          </Button>
          <Button type="primary" fill="outline" onClick={onEdit}>
            修改
          </Button>
          <Button fill="outline" loading={dissolving} onClick={onDissolve}>
            解散
          </Button>
        </View>
      ) : null}
    </View>
  );
}
