import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Home } from '@nutui/icons-react-taro';
import { HOUSEHOLD_FLAG_LABELS, MyHouseholdView } from '@redvest/contract';
import { Badge } from '../components/Badge';
import { Page } from '../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { useAsync, usePullToRefresh, useShownAgain } from '../hooks/useAsync';
import { useRequireLogin } from '../hooks/useMe';
import { api } from '../services/api';
import { formatDate } from '../services/format';
import { DEMANDS_PAGE, householdPage } from '../services/routes';
import { useQueuedVisits } from './queue';
import './index.scss';

interface FloorGroup {
  key: string;
  title: string;
  households: MyHouseholdView[];
}

/** Households by building, unit and floor, the top floor first (the way one walks a stairwell down). */
export function byFloor(households: MyHouseholdView[]): FloorGroup[] {
  const sorted = [...households].sort(
    (a, b) =>
      a.building.localeCompare(b.building, 'zh') ||
      a.unit.localeCompare(b.unit, 'zh') ||
      b.floor - a.floor ||
      a.room.localeCompare(b.room, 'zh', { numeric: true }),
  );
  const groups: FloorGroup[] = [];
  for (const household of sorted) {
    const key = `${household.building}|${household.unit}|${household.floor}`;
    const last = groups[groups.length - 1];
    if (last?.key === key) last.households.push(household);
    else
      groups.push({
        key,
        title: `${household.building} ${household.unit} · ${household.floor}层`,
        households: [household],
      });
  }
  return groups;
}

function HouseholdRow({ household, waiting }: { household: MyHouseholdView; waiting: boolean }) {
  return (
    <View
      className="contact-row"
      role="button"
      onClick={() => void Taro.navigateTo({ url: householdPage(household.id) })}
    >
      <View className="contact-row__head">
        <Text className="contact-row__room">{household.room}</Text>
        {waiting ? <Badge tone="blue">待上传</Badge> : null}
        {household.overdue && !waiting ? <Badge tone="red">逾期</Badge> : null}
      </View>
      <Text className="contact-row__visit">
        {household.lastVisitedAt ? `上次走访 ${formatDate(household.lastVisitedAt)}` : '从未走访'}
      </Text>
      {household.flags.length ? (
        <View className="rv-tags">
          {household.flags.map((flag) => (
            <Badge key={flag} tone="orange">
              {HOUSEHOLD_FLAG_LABELS[flag]}
            </Badge>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** 我的包户: the households my group looks after, floor by floor, with the overdue ones marked. */
export default function MyHouseholdsPage() {
  useRequireLogin();
  const households = useAsync(() => api.contact.myHouseholds(), []);
  usePullToRefresh(households.reload);
  useShownAgain(() => void households.reload());
  const queued = useQueuedVisits(() => void households.reload());
  const waiting = new Set(queued.map((visit) => visit.householdId));

  const body = () => {
    if (households.loading) return <LoadingState cards={3} rows={2} />;
    if (households.error) return <ErrorState error={households.error} onRetry={households.reload} />;
    const items = households.data?.items ?? [];
    if (!items.length) {
      return (
        <EmptyState
          icon={<Home size={48} />}
          title="还没有包户"
          description="社区书记把楼栋分给您所在的包户小组后，住户会列在这里。"
        />
      );
    }
    const overdue = items.filter((household) => household.overdue).length;
    return (
      <>
        <View className="rv-card contact-summary">
          <Text className="contact-summary__group">{items[0].groupName}</Text>
          <Text className="contact-summary__facts">
            共 {items.length} 户{overdue ? `，${overdue} 户逾期未走访` : '，都已按时走访'}
            {queued.length ? `，${queued.length} 次走访待上传` : ''}
          </Text>
        </View>
        {byFloor(items).map((group) => (
          <View key={group.key} className="rv-card contact-floor">
            <Text className="contact-floor__title">{group.title}</Text>
            {group.households.map((household) => (
              <HouseholdRow key={household.id} household={household} waiting={waiting.has(household.id)} />
            ))}
          </View>
        ))}
      </>
    );
  };

  return (
    <Page className="contact-page">
      <View className="contact-actions">
        <Button size="large" block onClick={() => void Taro.navigateTo({ url: DEMANDS_PAGE })}>
          群众诉求
        </Button>
      </View>
      {body()}
    </Page>
  );
}
