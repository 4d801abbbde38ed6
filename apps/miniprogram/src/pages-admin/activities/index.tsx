import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Clock, Plus } from '@nutui/icons-react-taro';
import { ActivityView } from '@redvest/contract';
import { Page } from '../../components/Page';
import { Segmented } from '../../components/Segmented';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../components/states';
import { useShownAgain } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { usePagedList } from '../../hooks/usePagedList';
import { api } from '../../services/api';
import { activityAdminPage, activityEditPage, queryParam } from '../../services/routes';
import { ActivityCard } from './ActivitySummary';
import './index.scss';

type When = 'running' | 'upcoming' | 'past';
const TABS: readonly { key: When; label: string }[] = [
  { key: 'running', label: '进行中' },
  { key: 'upcoming', label: '即将开始' },
  { key: 'past', label: '已结束' },
];

const EMPTY: Record<When, { title: string; description: string }> = {
  running: {
    title: '现在没有进行中的活动',
    description: '活动开始后会出现在这里，可以显示签到码、查看签到名单。',
  },
  upcoming: { title: '还没有即将开始的活动', description: '点上面的“发布活动”，居民就能看到并报名参加。' },
  past: { title: '还没有已结束的活动', description: '结束或取消的活动会出现在这里，可以导出签到名单。' },
};

export default function ActivitiesAdminPage() {
  useRequireLogin();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const [tab, setTab] = useState<When>('running');
  const list = usePagedList<ActivityView>(
    (cursor) => api.activities.list(cid, { when: tab, cursor, limit: 20 }),
    [cid, tab],
  );
  // Back from publishing, editing or cancelling one.
  useShownAgain(() => void list.reload());

  const body = () => {
    if (list.loading) return <LoadingState cards={3} rows={3} />;
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.items.length) {
      return <EmptyState icon={<Clock size={48} />} {...EMPTY[tab]} />;
    }
    return (
      <>
        {list.items.map((activity) => (
          <ActivityCard
            key={activity.id}
            activity={activity}
            onClick={() => void Taro.navigateTo({ url: activityAdminPage(activity.id) })}
          />
        ))}
        <ListFooter loading={list.loadingMore} done={!list.hasMore} />
      </>
    );
  };

  return (
    <Page className="activities-admin-page">
      <View className="activities-admin__publish">
        <Button
          type="primary"
          size="large"
          block
          icon={<Plus size={18} />}
          onClick={() => void Taro.navigateTo({ url: activityEditPage({ cid }) })}
        >
          发布活动
        </Button>
      </View>
      <Segmented items={TABS} value={tab} onChange={setTab} />
      {body()}
    </Page>
  );
}
