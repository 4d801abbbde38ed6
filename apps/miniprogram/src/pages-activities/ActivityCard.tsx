import { View, Text } from '@tarojs/components';
import { Clock, Location } from '@nutui/icons-react-taro';
import { ACTIVITY_PHASE_LABELS, ActivityView, ATTENDANCE_STATUS_LABELS } from '@redvest/contract';
import { Badge } from '../components/Badge';
import { formatTimeRange, pointsRuleText } from '../services/format';

/** One activity in a list: title, when, where, its points and where I stand (报名, 签到). */
export function ActivityCard({ activity, onClick }: { activity: ActivityView; onClick: () => void }) {
  const mine = activity.me;
  return (
    <View className="rv-card activity-card" role="button" onClick={onClick}>
      <View className="activity-card__head">
        <Text className="activity-card__title">{activity.title}</Text>
        {activity.phase === 'running' ? (
          <Badge tone="green">{ACTIVITY_PHASE_LABELS.running}</Badge>
        ) : activity.phase === 'cancelled' ? (
          <Badge tone="red">{ACTIVITY_PHASE_LABELS.cancelled}</Badge>
        ) : null}
      </View>
      <View className="activity-card__line">
        <Clock size={16} />
        <Text>{formatTimeRange(activity.startAt, activity.endAt)}</Text>
      </View>
      <View className="activity-card__line">
        <Location size={16} />
        <Text>{activity.place}</Text>
      </View>
      <View className="rv-tags">
        <Badge tone="blue">{activity.category}</Badge>
        <Badge tone="red">{pointsRuleText(activity.pointsRule)}</Badge>
        {mine?.attendance ? (
          <Badge tone="green">{ATTENDANCE_STATUS_LABELS[mine.attendance.status]}</Badge>
        ) : mine?.enrolled ? (
          <Badge tone="green">已报名</Badge>
        ) : activity.enrolmentRequired && activity.phase !== 'past' && activity.phase !== 'cancelled' ? (
          <Badge tone="orange">需报名</Badge>
        ) : null}
      </View>
    </View>
  );
}
