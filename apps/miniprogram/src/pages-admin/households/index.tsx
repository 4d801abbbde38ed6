import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { HouseholdView } from '@redvest/contract';
import { floorLabel, groupByFloor } from '../../components/floors';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useAsync, usePullToRefresh } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { queryParam } from '../../services/routes';
import './index.scss';

/** A building holds at most a few hundred households: load them all, page by page. */
const MAX_PAGES = 40;

async function loadAll(cid: string, buildingId: string): Promise<HouseholdView[]> {
  const items: HouseholdView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await api.communities.households(cid, { buildingId, cursor, limit: 100 });
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

export default function HouseholdsPage() {
  useRequireLogin();
  const params = useRouter().params;
  const cid = queryParam(params, 'cid') ?? '';
  const buildingId = queryParam(params, 'buildingId') ?? '';
  const name = queryParam(params, 'name');
  const households = useAsync(() => loadAll(cid, buildingId), [cid, buildingId]);
  usePullToRefresh(households.reload);

  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: name });
  }, [name]);

  const items = households.data ?? [];
  const units = new Set(items.map((household) => household.unit));
  const showUnit = units.size > 1;

  return (
    <Page className="households-page">
      {households.loading ? (
        <LoadingState cards={4} rows={1} />
      ) : households.error ? (
        <ErrorState error={households.error} onRetry={households.reload} />
      ) : !items.length ? (
        <EmptyState title="这栋楼还没有住户" description="在楼栋住户页导入住户表格后即可查看。" />
      ) : (
        <>
          <Text className="rv-section-title">
            {name ? `${name} · ` : ''}共 {items.length} 户{showUnit ? `，${units.size} 个单元` : ''}
          </Text>
          {groupByFloor(items).map(({ floor, rooms }) => (
            <View className="rv-card floor-card" key={floor}>
              <Text className="floor-card__floor">{floorLabel(floor)}</Text>
              <View className="floor-card__rooms">
                {rooms.map((household) => (
                  <View className="floor-card__room" key={household.id}>
                    {showUnit && household.unit ? (
                      <Text className="floor-card__unit">{household.unit}</Text>
                    ) : null}
                    <Text>{household.room}</Text>
                  </View>
                ))}
              </View>
            </View>
          ))}
        </>
      )}
    </Page>
  );
}
