import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Star } from '@nutui/icons-react-taro';
import { LeaderboardEntry, LeaderboardPeriod, LeaderboardResponse } from '@redvest/contract';
import { Page } from '../components/Page';
import { Segmented } from '../components/Segmented';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { useAsync, usePullToRefresh } from '../hooks/useAsync';
import { useRequireLogin } from '../hooks/useMe';
import { pickAccount, useMyPoints } from '../hooks/usePoints';
import { api } from '../services/api';
import { queryParam } from '../services/routes';
import './leaderboard.scss';

const PERIODS = [
  { key: LeaderboardPeriod.Month, label: '本月' },
  { key: LeaderboardPeriod.Year, label: '本年' },
  { key: LeaderboardPeriod.All, label: '累计' },
] as const;

const MEDALS = ['gold', 'silver', 'bronze'];

/** `2026-11` → 2026年11月, `2026` → 2026年, `all` → 累计. */
function periodTitle(board: LeaderboardResponse): string {
  const [year, month] = board.periodKey.split('-');
  if (board.period === LeaderboardPeriod.Month && month) return `${year}年${Number(month)}月`;
  if (board.period === LeaderboardPeriod.Year) return `${year}年`;
  return '全部时间';
}

function Rank({ rank }: { rank: number }) {
  const medal = MEDALS[rank - 1];
  return (
    <View className={`board-rank${medal ? ` board-rank--${medal}` : ''}`} aria-label={`第${rank}名`}>
      {rank}
    </View>
  );
}

function Row({ entry }: { entry: LeaderboardEntry }) {
  return (
    <View className="board-row">
      <Rank rank={entry.rank} />
      <Text className="board-row__name">{entry.name}</Text>
      <Text className="board-row__earned">
        {entry.earned}
        <Text className="board-row__unit"> 积分</Text>
      </Text>
    </View>
  );
}

export default function LeaderboardPage() {
  useRequireLogin();
  const asked = queryParam(useRouter().params, 'cid');
  // Without a community in the link, the one 首页 shows.
  const points = useMyPoints({ skip: Boolean(asked) });
  const cid = asked ?? pickAccount(points.data?.accounts)?.communityId;
  const [period, setPeriod] = useState<LeaderboardPeriod>(LeaderboardPeriod.Month);
  const board = useAsync(() => api.points.leaderboard(cid ?? '', { period, limit: 50 }), [cid, period], {
    skip: !cid,
  });
  usePullToRefresh(board.reload);

  const body = () => {
    if (!cid && points.error) return <ErrorState error={points.error} onRetry={points.reload} />;
    if (!cid && points.data)
      return <EmptyState title="还没有加入社区" description="加入社区后即可查看排行榜。" />;
    if (board.error) return <ErrorState error={board.error} onRetry={board.reload} />;
    if (board.loading || !board.data) return <LoadingState cards={1} rows={6} />;
    const { items, me } = board.data;
    return (
      <>
        <Text className="rv-section-title">{periodTitle(board.data)} · 获得积分排名</Text>
        {items.length ? (
          <View className="rv-card board-list">
            {items.map((entry) => (
              <Row key={entry.key} entry={entry} />
            ))}
          </View>
        ) : (
          <EmptyState
            icon={<Star size={48} />}
            title="还没有人上榜"
            description="参加志愿服务获得积分后即可上榜。"
          />
        )}
        <View className="board-me" aria-label="我的排名">
          {me ? (
            <>
              <Rank rank={me.rank} />
              <Text className="board-row__name">我的排名：第 {me.rank} 名</Text>
              <Text className="board-row__earned">
                {me.earned}
                <Text className="board-row__unit"> 积分</Text>
              </Text>
            </>
          ) : (
            <Text className="board-me__none">这段时间您还没有获得积分，参加志愿服务就能上榜。</Text>
          )}
        </View>
      </>
    );
  };

  return (
    <Page className="board-page">
      <Segmented items={PERIODS} value={period} onChange={setPeriod} />
      {body()}
    </Page>
  );
}
