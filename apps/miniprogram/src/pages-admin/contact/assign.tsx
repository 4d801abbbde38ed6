import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  AssignHouseholdsRequest,
  AssignmentConflict,
  BuildingView,
  ContactGroupView,
} from '@redvest/contract';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync, usePullToRefresh } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { queryParam } from '../../services/routes';
import {
  assignedMessage,
  checkRange,
  conflictsOf,
  MapHousehold,
  RangeErrors,
  RangeForm,
  stateOf,
  unitsOf,
} from './assignment';
import { BuildingChoice } from './BuildingChoice';
import { ConflictDialog } from './ConflictDialog';
import { FloorMap } from './FloorMap';
import { FloorRange } from './FloorRange';
import { activeGroup } from './find-group';
import './assign.scss';
import { showModal } from '../../services/modal';
import { showToast } from '../../services/toast';

const EMPTY_RANGE: RangeForm = { unit: '', floorFrom: '', floorTo: '' };

const toast = (title: string) => void showToast({ title, icon: 'none', duration: 2500 });

function AssignBoard({ group, buildings }: { group: ContactGroupView; buildings: BuildingView[] }) {
  const [building, setBuilding] = useState<BuildingView | null>(buildings.length === 1 ? buildings[0] : null);
  const [choosing, setChoosing] = useState(!building);
  const [range, setRange] = useState<RangeForm>(EMPTY_RANGE);
  const [rangeErrors, setRangeErrors] = useState<RangeErrors>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [conflict, setConflict] = useState<{
    request: AssignHouseholdsRequest;
    conflicts: AssignmentConflict[];
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const map = useAsync(() => api.contact.buildingAssignments(building?.id ?? ''), [building?.id], {
    skip: !building,
  });
  usePullToRefresh(() => (building ? map.reload() : Promise.resolve()));

  const households = map.data?.households ?? [];
  const units = map.data ? unitsOf(map.data) : [];
  const shown = range.unit ? households.filter((household) => household.unit === range.unit) : households;
  const chosen = households.filter((household) => selected.has(household.id));
  const toRelease = chosen.filter((household) => stateOf(household, group.id) === 'mine');
  const toAssign = chosen.filter((household) => stateOf(household, group.id) !== 'mine');
  const inRange = map.data ? checkRange(range, map.data).households : [];

  const pickBuilding = (next: BuildingView) => {
    setBuilding(next);
    setChoosing(false);
    setRange(EMPTY_RANGE);
    setRangeErrors({});
    setSelected(new Set());
  };

  const toggle = (household: MapHousehold) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(household.id)) next.add(household.id);
      return next;
    });

  const assign = async (request: AssignHouseholdsRequest) => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await api.contact.assign(group.id, request);
      setConflict(null);
      setSelected(new Set());
      toast(assignedMessage(result));
      await map.reload();
    } catch (caught) {
      const error = toApiError(caught);
      const conflicts = request.reassign ? null : conflictsOf(error);
      if (conflicts?.length) setConflict({ request, conflicts });
      else toast(error.message);
    } finally {
      setBusy(false);
    }
  };

  const assignRange = () => {
    if (!map.data) return;
    const { errors, request } = checkRange(range, map.data);
    setRangeErrors(errors);
    if (request) void assign(request);
  };

  const release = async () => {
    if (busy || !toRelease.length) return;
    const { confirm } = await showModal({
      title: '收回住户',
      content: `收回后这 ${toRelease.length} 户不再由“${group.name}”包干，可以再分给其他小组；走访记录会保留。`,
      confirmText: '收回',
      confirmColor: '#c8161d',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      const result = await api.contact.release(group.id, {
        householdIds: toRelease.map((household) => household.id),
      });
      setSelected(new Set());
      toast(`已收回 ${result.released} 户`);
      await map.reload();
    } catch (error) {
      toast(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const mapBody = () => {
    if (map.loading) return <LoadingState cards={2} rows={3} />;
    if (map.error || !map.data)
      return <ErrorState error={map.error ?? new Error('没有数据')} onRetry={map.reload} />;
    if (!households.length)
      return <EmptyState title="这栋楼还没有住户" description="在“楼栋住户”中导入住户表格后即可分配。" />;
    return (
      <>
        <FloorRange
          form={range}
          errors={rangeErrors}
          units={units}
          inRange={inRange}
          groupId={group.id}
          busy={busy && !chosen.length}
          onChange={(patch) => {
            setRange((current) => ({ ...current, ...patch }));
            setRangeErrors({});
          }}
          onAssign={assignRange}
        />
        <Text className="rv-section-title">楼层图 · 点住户可逐户选择，再分配或收回</Text>
        <View className="rv-card">
          <FloorMap
            households={shown}
            groupId={group.id}
            showUnit={units.length > 0 && !range.unit}
            selected={selected}
            onToggle={toggle}
          />
        </View>
      </>
    );
  };

  return (
    <>
      <View className="rv-card assign-head">
        <Text className="assign-head__group">分配给：{group.name}</Text>
        {building && !choosing ? (
          <View className="assign-head__building">
            <Text className="assign-head__building-name">
              {building.compound} {building.name}
            </Text>
            {buildings.length > 1 ? (
              <Button size="small" fill="outline" type="primary" onClick={() => setChoosing(true)}>
                换楼栋
              </Button>
            ) : null}
          </View>
        ) : (
          <>
            <Text className="assign-head__prompt">请选择楼栋</Text>
            <BuildingChoice
              buildings={buildings}
              compoundId={group.compoundId}
              value={building?.id ?? ''}
              onChange={pickBuilding}
            />
          </>
        )}
      </View>
      {building && !choosing ? mapBody() : null}
      {chosen.length ? <View className="assign-bar__spacer" /> : null}
      {chosen.length ? (
        <View className="assign-bar">
          <View className="assign-bar__info">
            <Text>已选 {chosen.length} 户</Text>
            <View className="assign-bar__clear" role="button" onClick={() => setSelected(new Set())}>
              清除选择
            </View>
          </View>
          <View className="rv-actions assign-bar__actions">
            <Button size="large" disabled={!toRelease.length || busy} onClick={() => void release()}>
              收回（{toRelease.length} 户）
            </Button>
            <Button
              type="primary"
              size="large"
              disabled={!toAssign.length}
              loading={busy}
              onClick={() => void assign({ householdIds: toAssign.map((household) => household.id) })}
            >
              分配给本组（{toAssign.length} 户）
            </Button>
          </View>
        </View>
      ) : null}
      {conflict ? (
        <ConflictDialog
          conflicts={conflict.conflicts}
          busy={busy}
          onReassign={() => void assign({ ...conflict.request, reassign: true })}
          onCancel={() => setConflict(null)}
        />
      ) : null}
    </>
  );
}

/** 分配住户 (`?cid=&groupId=`): a building's floor map; assign floors or households to the group, or take them back. */
export default function ContactAssignPage() {
  useRequireLogin();
  const params = useRouter().params;
  const cid = queryParam(params, 'cid') ?? '';
  const groupId = queryParam(params, 'groupId') ?? '';
  const context = useAsync(async () => {
    const [group, buildings] = await Promise.all([activeGroup(cid, groupId), api.communities.buildings(cid)]);
    return { group, buildings: buildings.items };
  }, [cid, groupId]);

  const body = () => {
    if (context.loading) return <LoadingState cards={2} rows={3} />;
    if (context.error || !context.data)
      return <ErrorState error={context.error ?? new Error('没有数据')} onRetry={context.reload} />;
    if (!context.data.buildings.length)
      return <EmptyState title="还没有楼栋住户" description="先在“楼栋住户”中导入住户表格，再来分配。" />;
    return <AssignBoard group={context.data.group} buildings={context.data.buildings} />;
  };

  return <Page className="contact-assign-page">{body()}</Page>;
}
