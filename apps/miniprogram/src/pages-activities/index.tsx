import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ScrollView, View } from '@tarojs/components';
import { Order } from '@nutui/icons-react-taro';
import { ACTIVITY_CATEGORIES, ActivityCategory, ActivityView } from '@redvest/contract';
import { Page } from '../components/Page';
import { Segmented } from '../components/Segmented';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../components/states';
import { useShownAgain } from '../hooks/useAsync';
import { currentMembership, useMe } from '../hooks/useMe';
import { usePagedList } from '../hooks/usePagedList';
import { api } from '../services/api';
import { activityPage, joinPage } from '../services/routes';
import { ActivityCard } from './ActivityCard';
import './index.scss';

type When = 'running' | 'upcoming' | 'past';

const TABS = [
  { key: 'running', label: '进行中' },
  { key: 'upcoming', label: '即将开始' },
  { key: 'past', label: '已结束' },
] as const;

const EMPTY: Record<When, { title: string; description: string }> = {
  running: { title: '现在没有进行中的活动', description: '看看“即将开始”的活动，提前安排时间。' },
  upcoming: { title: '暂时没有即将开始的活动', description: '社区发布新活动后会出现在这里。' },
  past: { title: '还没有已结束的活动', description: '参加过的活动可在“我的服务记录”里查看。' },
};

/** 志愿活动: the community's activities now, soon and past, by category; tap one for its details. */
export default function ActivitiesPage() {
  const me = useMe();
  const membership = currentMembership(me.data);
  const cid = membership?.communityId;
  const [when, setWhen] = useState<When>('running');
  const [category, setCategory] = useState<ActivityCategory | undefined>(undefined);
  const list = usePagedList<ActivityView>(
    (cursor) => api.activities.list(cid ?? '', { when, category, cursor, limit: 20 }),
    [cid, when, category],
    { skip: !cid },
  );
  // Back from an activity where I enrolled or checked in.
  useShownAgain(() => {
    if (cid) void list.reload();
  });

  if (me.loading) {
    return (
      <Page className="activities-page">
        <LoadingState cards={3} rows={2} />
      </Page>
    );
  }
  if (me.error || !me.data) {
    return (
      <Page className="activities-page">
        <ErrorState error={me.error ?? new Error('没有数据')} onRetry={me.reload} />
      </Page>
    );
  }
  if (!cid) {
    return (
      <Page className="activities-page">
        <EmptyState
          title="还没有加入社区"
          description="加入社区后，就能看到社区的志愿活动并报名参加。"
          actionText="加入社区"
          onAction={() => void Taro.navigateTo({ url: joinPage() })}
        />
      </Page>
    );
  }

  const body = () => {
    if (list.loading || (!list.data && !list.error)) return <LoadingState cards={3} rows={2} />;
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.items.length) {
      const empty = EMPTY[when];
      return (
        <EmptyState
          icon={<Order size={48} />}
          title={category ? `没有“${category}”类的活动` : empty.title}
          description={category ? '换个类别看看，或选择“全部”。' : empty.description}
          actionText={when === 'running' && !category ? '看看即将开始的活动' : undefined}
          onAction={when === 'running' && !category ? () => setWhen('upcoming') : undefined}
        />
      );
    }
    return (
      <>
        {list.items.map((activity) => (
          <ActivityCard
            key={activity.id}
            activity={activity}
            onClick={() => void Taro.navigateTo({ url: activityPage(activity.id) })}
          />
        ))}
        <ListFooter loading={list.loadingMore} done={!list.hasMore} />
      </>
    );
  };

  return (
    <Page className="activities-page">
      <Segmented items={TABS} value={when} onChange={setWhen} />
      <ScrollView className="activities-filter" scrollX enhanced showScrollbar={false} tabIndex={0}>
        <View className="activities-filter__row" role="radiogroup" aria-label="活动类别">
          {[undefined, ...ACTIVITY_CATEGORIES].map((item) => (
            <View
              key={item ?? 'all'}
              role="radio"
              aria-checked={category === item}
              className={`rv-chip activities-filter__chip${category === item ? ' rv-chip--selected' : ''}`}
              onClick={() => setCategory(item)}
            >
              {item ?? '全部'}
            </View>
          ))}
        </View>
      </ScrollView>
      {body()}
    </Page>
  );
}
