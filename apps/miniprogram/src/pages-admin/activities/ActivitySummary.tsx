import { View, Text } from '@tarojs/components';
import { ACTIVITY_PHASE_LABELS, ActivityPhase, ActivityView, PointsRule } from '@redvest/contract';
import { Badge, BadgeTone } from '../../components/Badge';
import { formatTimeRange } from '../../services/format';
import './ActivitySummary.scss';

export const PHASE_TONES: Record<ActivityPhase, BadgeTone> = {
  running: 'green',
  upcoming: 'blue',
  past: 'orange',
  cancelled: 'red',
};

export function PhaseBadge({ phase }: { phase: ActivityPhase }) {
  return (
    <Badge tone={PHASE_TONES[phase]} round>
      {ACTIVITY_PHASE_LABELS[phase]}
    </Badge>
  );
}

/** `每次签到 10 积分` or `每满 1 小时 5 积分`. */
export function pointsRuleText(rule: PointsRule): string {
  return rule.kind === 'per_hour' ? `每满 1 小时 ${rule.points} 积分` : `每次签到 ${rule.points} 积分`;
}

/** `12 / 30 人` with a limit, `12 人` without. */
export function attendanceText(activity: Pick<ActivityView, 'attendeeCount' | 'capacity'>): string {
  return activity.capacity === null
    ? `${activity.attendeeCount} 人`
    : `${activity.attendeeCount} / ${activity.capacity} 人`;
}

/** One line of an activity's facts: a grey label and its value. */
export function Fact({ label, children }: { label: string; children: string }) {
  return (
    <View className="activity-fact">
      <Text className="activity-fact__label">{label}</Text>
      <Text className="activity-fact__value">{children}</Text>
    </View>
  );
}

/** An activity in the secretaries' list: title, status, when, where, how many came. */
export function ActivityCard({ activity, onClick }: { activity: ActivityView; onClick: () => void }) {
  return (
    <View className="rv-card activity-card" role="button" onClick={onClick}>
      <View className="activity-card__head">
        <Text className="activity-card__title">{activity.title}</Text>
        <PhaseBadge phase={activity.phase} />
      </View>
      <View className="rv-tags activity-card__tags">
        <Badge tone="red">{activity.category}</Badge>
        {activity.enrolmentRequired ? <Badge tone="blue">需报名</Badge> : null}
      </View>
      <Fact label="时间">{formatTimeRange(activity.startAt, activity.endAt)}</Fact>
      <Fact label="地点">{activity.place}</Fact>
      <Fact label="已签到">{attendanceText(activity)}</Fact>
      {activity.cancelReason ? <Fact label="取消原因">{activity.cancelReason}</Fact> : null}
    </View>
  );
}
