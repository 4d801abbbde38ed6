import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  AnnualMemberReport,
  EvaluationsResponse,
  GivenRating,
  RATING_GRADE_LABELS,
  RATING_LEVEL_LABELS,
  RatingGrade,
  RatingLevel,
} from '@redvest/contract';
import { Badge, BadgeTone } from '../../components/Badge';
import { formatDuration } from '../../services/format';

const LEVELS: RatingLevel[] = ['group', 'branch', 'community'];

const GRADE_TONES: Record<RatingGrade, BadgeTone> = {
  excellent: 'red',
  good: 'green',
  fair: 'orange',
  poor: 'blue',
};

/** A member on the page: whom to rate (from 年度评价) and, for secretaries, what they did (from the report). */
export interface EvaluatedMember {
  userId: string;
  name: string;
  employer: string | null;
  compound: string | null;
  levels: RatingLevel[];
  ratings: Partial<Record<RatingLevel, GivenRating>>;
  report?: AnnualMemberReport;
}

/** The members to rate, each with their report row; then the report's members the caller may not rate. */
export function mergeMembers(
  evaluations: EvaluationsResponse['items'],
  report: AnnualMemberReport[] | undefined,
): EvaluatedMember[] {
  const rows = new Map((report ?? []).map((row) => [row.userId, row]));
  const members: EvaluatedMember[] = evaluations.map((item) => ({ ...item, report: rows.get(item.userId) }));
  const listed = new Set(members.map((member) => member.userId));
  for (const row of report ?? []) {
    if (listed.has(row.userId)) continue;
    const ratings: Partial<Record<RatingLevel, GivenRating>> = {};
    for (const level of LEVELS) {
      const grade = row.ratings[level];
      if (grade) ratings[level] = { grade, comment: null };
    }
    members.push({
      userId: row.userId,
      name: row.name,
      employer: row.employer,
      compound: null,
      levels: [],
      ratings,
      report: row,
    });
  }
  return members;
}

function Stat({ value, unit, label }: { value: string | number; unit?: string; label: string }) {
  return (
    <View className="eval-stat">
      <Text className="eval-stat__value">
        {value}
        {unit ? <Text className="eval-stat__unit">{unit}</Text> : null}
      </Text>
      <Text className="eval-stat__label">{label}</Text>
    </View>
  );
}

export function MemberCard({
  member,
  onRate,
}: {
  member: EvaluatedMember;
  onRate: (level: RatingLevel) => void;
}) {
  const shown = LEVELS.filter((level) => member.ratings[level] || member.levels.includes(level));
  const { report } = member;
  return (
    <View className="rv-card eval-card" aria-label={member.name}>
      <Text className="eval-card__name">{member.name}</Text>
      {member.employer || member.compound ? (
        <Text className="eval-card__meta">
          {[member.employer, member.compound].filter(Boolean).join(' · ')}
        </Text>
      ) : null}
      {report ? (
        <View className="eval-stats">
          <Stat value={report.activities} unit="次" label="参加活动" />
          <Stat value={formatDuration(report.minutes)} label="服务时长" />
          <Stat value={report.wishesFulfilled} unit="个" label="完成心愿" />
          <Stat value={report.visits} unit="次" label="入户走访" />
          <Stat value={report.demandsResolved} unit="件" label="办结诉求" />
          <Stat value={report.pointsEarned} unit="分" label="获得积分" />
        </View>
      ) : null}
      {shown.map((level) => {
        const given = member.ratings[level];
        return (
          <View key={level} className="eval-rating">
            <View className="eval-rating__line">
              <Text className="eval-rating__level">{RATING_LEVEL_LABELS[level]}</Text>
              {given ? (
                <Badge tone={GRADE_TONES[given.grade]}>{RATING_GRADE_LABELS[given.grade]}</Badge>
              ) : (
                <Text className="eval-rating__none">未评价</Text>
              )}
              {member.levels.includes(level) ? (
                <Button
                  className="eval-rating__action"
                  type={given ? 'default' : 'primary'}
                  onClick={() => onRate(level)}
                >
                  {given ? '修改' : '评价'}
                </Button>
              ) : null}
            </View>
            {given?.comment ? <Text className="eval-rating__comment">评语：{given.comment}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
