import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import { BuildingView, ErrorCode, ImportRowError } from '@redvest/contract';
import { ApiError } from '@redvest/api-client';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync, usePullToRefresh } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { pickSheet } from '../../services/pick-sheet';
import { adminPage, queryParam } from '../../services/routes';
import './index.scss';
import { showModal } from '../../services/modal';
import { showToast } from '../../services/toast';

function floorRange(floors: number[]): string {
  if (!floors.length) return '';
  const low = Math.min(...floors);
  const high = Math.max(...floors);
  return low === high ? `${low}层` : `${low}–${high}层`;
}

/** Buildings grouped by compound, in the order the server lists them. */
function byCompound(buildings: BuildingView[]): { compound: string; buildings: BuildingView[] }[] {
  const groups = new Map<string, { compound: string; buildings: BuildingView[] }>();
  for (const building of buildings) {
    const group = groups.get(building.compoundId) ?? { compound: building.compound, buildings: [] };
    group.buildings.push(building);
    groups.set(building.compoundId, group);
  }
  return [...groups.values()];
}

function rowErrors(error: ApiError): ImportRowError[] {
  const details = error.details as { errors?: ImportRowError[] } | ImportRowError[] | undefined;
  if (Array.isArray(details)) return details;
  return details?.errors ?? [];
}

export default function BuildingsPage() {
  useRequireLogin();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const buildings = useAsync(() => api.communities.buildings(cid), [cid]);
  usePullToRefresh(buildings.reload);
  const [importing, setImporting] = useState(false);
  const [problems, setProblems] = useState<ImportRowError[]>([]);

  const importSheet = async () => {
    const file = await pickSheet();
    if (!file) return;
    setImporting(true);
    setProblems([]);
    try {
      const result = await api.communities.importHouseholds(cid, file);
      await showModal({
        title: '导入完成',
        content: `新增 ${result.imported} 户${result.skipped ? `，${result.skipped} 户已存在未改动` : ''}。`,
        showCancel: false,
      });
      await buildings.reload();
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === ErrorCode.ImportRowsInvalid) setProblems(rowErrors(apiError));
      void showToast({ title: apiError.message, icon: 'none', duration: 3000 });
    } finally {
      setImporting(false);
    }
  };

  const items = buildings.data?.items ?? [];
  const total = items.reduce((sum, building) => sum + building.householdCount, 0);

  return (
    <Page className="buildings-page">
      {buildings.loading ? (
        <LoadingState cards={3} rows={2} />
      ) : buildings.error ? (
        <ErrorState error={buildings.error} onRetry={buildings.reload} />
      ) : (
        <>
          {items.length ? (
            <>
              <View className="rv-card buildings-summary">
                <Text className="buildings-summary__number">{items.length}</Text>
                <Text className="rv-muted">栋楼</Text>
                <Text className="buildings-summary__number">{total}</Text>
                <Text className="rv-muted">户</Text>
              </View>
              {byCompound(items).map((group) => (
                <View key={group.compound}>
                  <Text className="rv-section-title">{group.compound}</Text>
                  <CellGroup>
                    {group.buildings.map((building) => (
                      <Cell
                        key={building.id}
                        title={building.name}
                        description={floorRange(building.floors)}
                        align="center"
                        clickable
                        extra={
                          <View className="buildings-extra">
                            <Text>{building.householdCount} 户</Text>
                            <ArrowRight size={16} />
                          </View>
                        }
                        onClick={() =>
                          void Taro.navigateTo({
                            url: adminPage('households', {
                              cid,
                              buildingId: building.id,
                              name: `${group.compound} ${building.name}`,
                            }),
                          })
                        }
                      />
                    ))}
                  </CellGroup>
                </View>
              ))}
            </>
          ) : (
            <EmptyState
              title="还没有楼栋住户"
              description="导入住户表格（列：小区、楼栋、单元、楼层、房号）后，楼栋和住户会出现在这里。"
            />
          )}

          {problems.length ? (
            <View className="rv-card buildings-problems">
              <Text className="buildings-problems__title">
                表格中有 {problems.length} 处错误，全部未导入：
              </Text>
              {problems.slice(0, 20).map((problem) => (
                <Text className="buildings-problems__row" key={`${problem.row}-${problem.message}`}>
                  第 {problem.row} 行：{problem.message}
                </Text>
              ))}
            </View>
          ) : null}

          <View className="buildings-import">
            <Button
              type="primary"
              fill="outline"
              size="large"
              block
              loading={importing}
              onClick={() => void importSheet()}
            >
              导入住户表格
            </Button>
            <Text className="buildings-import__note">
              {process.env.TARO_ENV === 'weapp'
                ? '从微信聊天记录中选择 XLSX 或 CSV 表格'
                : '选择 XLSX 或 CSV 表格'}
              ，列依次为：小区、楼栋、单元、楼层、房号
            </Text>
          </View>
        </>
      )}
    </Page>
  );
}
