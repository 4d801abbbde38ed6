import { useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Home, Plus } from '@nutui/icons-react-taro';
import { ContactGroupView } from '@redvest/contract';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync, usePullToRefresh, useShownAgain } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { contactAssignPage, contactGroupPage, queryParam } from '../../services/routes';
import { CoverageTable, MonthSwitch } from './Coverage';
import { GroupCard } from './GroupCard';
import { SettingsCard } from './SettingsCard';
import { recentMonths } from './months';
import './index.scss';
import { showModal } from '../../services/modal';
import { showToast } from '../../services/toast';

/** 包户管理 (secretaries): the contact groups with their households, and a month's visit coverage. */
export default function ContactAdminPage() {
  useRequireLogin();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const months = useMemo(() => recentMonths(), []);
  const [month, setMonth] = useState(months[0].value);
  const [dissolving, setDissolving] = useState<string | null>(null);
  const groups = useAsync(() => api.contact.groups(cid), [cid]);
  const coverage = useAsync(() => api.contact.coverage(cid, month), [cid, month]);
  const settings = useAsync(() => api.contact.settings(cid), [cid]);
  const reloadAll = () => Promise.all([groups.reload(), coverage.reload(), settings.reload()]);
  usePullToRefresh(reloadAll);
  // Back from the group form or the floor map.
  useShownAgain(() => void reloadAll());

  const newGroup = () => void Taro.navigateTo({ url: contactGroupPage({ cid }) });

  const dissolve = async (group: ContactGroupView) => {
    if (dissolving) return;
    const { confirm } = await showModal({
      title: '解散小组',
      content: `解散“${group.name}”后，它包干的 ${group.householdCount} 户住户会被收回，可以再分给其他小组；以往的走访记录都会保留。`,
      confirmText: '解散',
      confirmColor: '#c8161d',
      cancelText: '取消',
    });
    if (!confirm) return;
    setDissolving(group.id);
    try {
      await api.contact.dissolve(group.id);
      void showToast({ title: '已解散', icon: 'success' });
      await reloadAll();
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setDissolving(null);
    }
  };

  const coverageCard = () => {
    if (coverage.loading) return <LoadingState cards={1} rows={3} />;
    if (coverage.error || !coverage.data)
      return <ErrorState error={coverage.error ?? new Error('没有数据')} onRetry={coverage.reload} />;
    if (!coverage.data.rows.length) {
      return (
        <Text className="rv-muted">
          {month === months[0].value ? '还没有分配住户' : '这个月没有包户小组的住户'}
        </Text>
      );
    }
    return <CoverageTable coverage={coverage.data} />;
  };

  const settingsCard = () =>
    settings.data ? (
      <>
        <Text className="rv-section-title">包户设置</Text>
        <SettingsCard
          cid={cid}
          settings={settings.data}
          onChange={(saved) => {
            settings.setData(() => saved);
            void coverage.reload();
          }}
        />
      </>
    ) : null;

  const body = () => {
    if (groups.loading) return <LoadingState cards={3} rows={3} />;
    if (groups.error || !groups.data)
      return <ErrorState error={groups.error ?? new Error('没有数据')} onRetry={groups.reload} />;
    const items = groups.data.items;
    if (!items.length) {
      return (
        <>
          <EmptyState
            icon={<Home size={48} />}
            title="还没有包户小组"
            description="组建党员小组并把楼栋楼层分给小组后，这里会显示每月的走访情况。"
            actionText="新建小组"
            onAction={newGroup}
          />
          {settingsCard()}
        </>
      );
    }
    const card = (group: ContactGroupView) => (
      <GroupCard
        key={group.id}
        group={group}
        dissolving={dissolving === group.id}
        onEdit={() => void Taro.navigateTo({ url: contactGroupPage({ cid, groupId: group.id }) })}
        onAssign={() => void Taro.navigateTo({ url: contactAssignPage({ cid, groupId: group.id }) })}
        onDissolve={() => void dissolve(group)}
      />
    );
    return (
      <>
        <View className="contact-admin__new">
          <Button type="primary" size="large" block icon={<Plus size={18} />} onClick={newGroup}>
            新建小组
          </Button>
        </View>
        <Text className="rv-section-title">走访情况</Text>
        <View className="rv-card">
          <MonthSwitch months={months} value={month} onChange={setMonth} />
          {coverageCard()}
        </View>
        <Text className="rv-section-title">包户小组（{items.length} 个）</Text>
        {items.map(card)}
        {settingsCard()}
      </>
    );
  };

  return <Page className="contact-admin-page">{body()}</Page>;
}
