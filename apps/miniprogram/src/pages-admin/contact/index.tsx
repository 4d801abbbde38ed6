import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Home } from '@nutui/icons-react-taro';
import { ContactGroupView, CoverageResponse } from '@redvest/contract';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useAsync, usePullToRefresh } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { queryParam } from '../../services/routes';
import './index.scss';

interface ContactOverview {
  groups: ContactGroupView[];
  coverage: CoverageResponse;
}

function GroupCard({ group }: { group: ContactGroupView }) {
  const leader = group.members.find((member) => member.userId === group.leaderId);
  return (
    <View className="rv-card contact-group">
      <View className="contact-group__head">
        <Text className="contact-group__name">{group.name}</Text>
        {group.status === 'dissolved' ? <Badge tone="orange">已解散</Badge> : null}
      </View>
      <Text className="contact-group__line">
        {[group.compound, `包 ${group.householdCount} 户`].filter(Boolean).join(' · ')}
      </Text>
      <Text className="contact-group__line">
        组长：{leader?.name ?? '—'} · 成员：{group.members.map((member) => member.name).join('、')}
      </Text>
    </View>
  );
}

function CoverageTable({ coverage }: { coverage: CoverageResponse }) {
  return (
    <View className="rv-card">
      <Text className="contact-coverage__note">
        {coverage.month} · 超过 {coverage.overdueDays} 天未走访算逾期
      </Text>
      <View className="contact-coverage" role="table">
        <View className="contact-coverage__row contact-coverage__row--head" role="row">
          <Text className="contact-coverage__cell contact-coverage__cell--wide">小组 / 楼栋</Text>
          <Text className="contact-coverage__cell">户数</Text>
          <Text className="contact-coverage__cell">本月已访</Text>
          <Text className="contact-coverage__cell">逾期</Text>
        </View>
        {coverage.rows.map((row) => (
          <View key={`${row.groupId}-${row.building}`} className="contact-coverage__row" role="row">
            <View className="contact-coverage__cell contact-coverage__cell--wide">
              <Text className="contact-coverage__group">{row.groupName}</Text>
              <Text className="contact-coverage__building">{row.building}</Text>
            </View>
            <Text className="contact-coverage__cell">{row.households}</Text>
            <Text className="contact-coverage__cell">{row.visited}</Text>
            <Text
              className={`contact-coverage__cell${row.overdue ? ' contact-coverage__cell--overdue' : ''}`}
            >
              {row.overdue}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** 包户管理 (secretaries): the contact groups with their households, and this month's visit coverage. */
export default function ContactAdminPage() {
  useRequireLogin();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const overview = useAsync<ContactOverview>(async () => {
    const [groups, coverage] = await Promise.all([api.contact.groups(cid), api.contact.coverage(cid)]);
    return { groups: groups.items, coverage };
  }, [cid]);
  usePullToRefresh(overview.reload);

  const body = () => {
    if (overview.loading) return <LoadingState cards={3} rows={3} />;
    if (overview.error || !overview.data)
      return <ErrorState error={overview.error ?? new Error('没有数据')} onRetry={overview.reload} />;
    const { groups, coverage } = overview.data;
    if (!groups.length) {
      return (
        <EmptyState
          icon={<Home size={48} />}
          title="还没有包户小组"
          description="组建党员小组并把楼栋楼层分给小组后，这里会显示每月的走访情况。"
        />
      );
    }
    return (
      <>
        <Text className="rv-section-title">本月走访</Text>
        {coverage.rows.length ? (
          <CoverageTable coverage={coverage} />
        ) : (
          <Text className="rv-muted">还没有分配住户</Text>
        )}
        <Text className="rv-section-title">包户小组</Text>
        {groups.map((group) => (
          <GroupCard key={group.id} group={group} />
        ))}
      </>
    );
  };

  return <Page className="contact-admin-page">{body()}</Page>;
}
