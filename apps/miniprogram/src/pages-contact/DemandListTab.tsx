import { View, Text } from '@tarojs/components';
import { Message } from '@nutui/icons-react-taro';
import { DemandListRow } from '@redvest/contract';
import { Badge } from '../components/Badge';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { useAsync, usePullToRefresh } from '../hooks/useAsync';
import { api } from '../services/api';

interface CategoryGroup {
  category: string;
  open: number;
  resolved: number;
  rows: DemandListRow[];
}

/** The rows by category, in the server's order (most open first). */
export function byCategory(rows: DemandListRow[]): CategoryGroup[] {
  const groups = new Map<string, CategoryGroup>();
  for (const row of rows) {
    const group = groups.get(row.category) ?? { category: row.category, open: 0, resolved: 0, rows: [] };
    group.open += row.open;
    group.resolved += row.resolved;
    group.rows.push(row);
    groups.set(row.category, group);
  }
  return [...groups.values()];
}

/** 需求单: residents' demands counted by category and compound, open and resolved. */
export function DemandListTab({ cid }: { cid: string }) {
  const list = useAsync(() => api.contact.demandList(cid), [cid]);
  usePullToRefresh(list.reload);

  if (list.loading) return <LoadingState cards={2} rows={3} />;
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  const groups = byCategory(list.data?.rows ?? []);
  if (!groups.length) {
    return (
      <EmptyState
        icon={<Message size={48} />}
        title="还没有群众诉求"
        description="入户走访听到的和居民自己提出的诉求，会按类别汇总在这里。"
      />
    );
  }
  const open = groups.reduce((sum, group) => sum + group.open, 0);
  return (
    <>
      <Text className="rv-section-title">共 {open} 件诉求待办理</Text>
      {groups.map((group) => (
        <View key={group.category} className="rv-card list-card" aria-label={group.category}>
          <View className="list-card__head">
            <Text className="list-card__title">{group.category}</Text>
            <Badge tone={group.open ? 'orange' : 'green'}>
              {group.open ? `待办 ${group.open}` : '全部办结'}
            </Badge>
          </View>
          {group.rows.map((row) => (
            <View key={row.compound ?? ''} className="demand-row">
              <Text className="demand-row__compound">{row.compound ?? '未分小区'}</Text>
              <Text className="demand-row__count demand-row__count--open">待办 {row.open}</Text>
              <Text className="demand-row__count">已办结 {row.resolved}</Text>
            </View>
          ))}
        </View>
      ))}
    </>
  );
}
