import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { HOUSEHOLD_FLAG_LABELS, VisitView } from '@redvest/contract';
import { Badge } from '../components/Badge';
import { Page } from '../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { useAsync, usePullToRefresh } from '../hooks/useAsync';
import { useMe } from '../hooks/useMe';
import { api } from '../services/api';
import { formatDate, writtenMonth } from '../services/format';
import { queryParam } from '../services/routes';
import { VisitFormCard } from './VisitFormCard';
import './household.scss';

function VisitItem({ visit }: { visit: VisitView }) {
  const facts = [
    visit.residents !== null ? `常住 ${visit.residents} 人` : null,
    visit.rented === null ? null : visit.rented ? '租户' : '自住',
    visit.moveInDate ? `${writtenMonth(visit.moveInDate)}入住` : null,
    visit.phone ? `电话 ${visit.phone}` : null,
  ].filter(Boolean);
  return (
    <View className="visit-item">
      <Text className="visit-item__date">{formatDate(visit.visitedAt)}</Text>
      {visit.visitors.length ? (
        <Text className="visit-item__facts">走访人：{visit.visitors.join('、')}</Text>
      ) : null}
      {facts.length ? <Text className="visit-item__facts">{facts.join(' · ')}</Text> : null}
      {visit.flags.length ? (
        <View className="rv-tags">
          {visit.flags.map((flag) => (
            <Badge key={flag} tone="orange">
              {HOUSEHOLD_FLAG_LABELS[flag]}
            </Badge>
          ))}
        </View>
      ) : null}
      {visit.notes ? <Text className="visit-item__notes">{visit.notes}</Text> : null}
    </View>
  );
}

/** 住户卡片: the household, its group, its last visit and history, and the 入户走访 form. */
export default function HouseholdPage() {
  const me = useMe();
  const id = queryParam(useRouter().params, 'id');
  const card = useAsync(() => api.contact.household(id ?? ''), [id], { skip: !id });
  usePullToRefresh(card.reload);

  if (!id)
    return (
      <Page>
        <EmptyState title="没有找到这户住户" />
      </Page>
    );
  if (card.loading)
    return (
      <Page>
        <LoadingState cards={2} rows={3} />
      </Page>
    );
  if (card.error || !card.data) {
    return (
      <Page>
        <ErrorState error={card.error ?? new Error('没有数据')} onRetry={card.reload} />
      </Page>
    );
  }
  const household = card.data;
  return (
    <Page className="household-page">
      <View className="rv-card household-head">
        <View className="household-head__title">
          <Text className="household-head__label">{household.label}</Text>
          {household.overdue ? <Badge tone="red">逾期</Badge> : <Badge tone="green">已按时走访</Badge>}
        </View>
        <Text className="household-head__line">包户小组：{household.group?.name ?? '尚未分配'}</Text>
        <Text className="household-head__line">
          上次走访：{household.lastVisit ? formatDate(household.lastVisit.visitedAt) : '从未走访'}
        </Text>
      </View>
      {household.group?.members.some((member) => member.userId === me.data?.id) ? (
        // A new visit starts from the latest one: the form is made again once the card shows it.
        <VisitFormCard
          key={household.lastVisit?.id ?? 'none'}
          card={household}
          meId={me.data?.id}
          onDone={() => void card.reload()}
        />
      ) : (
        <Text className="rv-muted">入户走访由包干这户的小组成员登记。</Text>
      )}
      <View className="rv-card">
        <Text className="rv-section-title">走访记录</Text>
        {household.visits.length ? (
          household.visits.map((visit) => <VisitItem key={visit.id} visit={visit} />)
        ) : (
          <Text className="rv-muted">还没有走访记录</Text>
        )}
      </View>
    </Page>
  );
}
