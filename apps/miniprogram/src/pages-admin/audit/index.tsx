import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { ArrowDown, Articles, Close } from '@nutui/icons-react-taro';
import { AuditEntryView } from '@redvest/contract';
import { Badge } from '../../components/Badge';
import { ExportButton } from '../../components/ExportButton';
import { MePending } from '../../components/MePending';
import { Page } from '../../components/Page';
import { Segmented } from '../../components/Segmented';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../components/states';
import { isSecretary, useMe } from '../../hooks/useMe';
import { usePagedList } from '../../hooks/usePagedList';
import { api } from '../../services/api';
import { formatDateTime } from '../../services/format';
import { queryParam } from '../../services/routes';
import { ACTION_CHOICES, AuditFilters, auditExportFileName, filterQuery, Period, PERIODS } from './filters';
import './index.scss';

function ActionSwitch({
  value,
  onChange,
}: {
  value: AuditFilters['action'];
  onChange: (action: AuditFilters['action']) => void;
}) {
  const index = Math.max(
    0,
    ACTION_CHOICES.findIndex((choice) => choice.action === value),
  );
  return (
    <Picker
      mode="selector"
      range={ACTION_CHOICES.map((choice) => choice.label)}
      value={index}
      onChange={(event) => onChange(ACTION_CHOICES[Number(event.detail.value)]?.action)}
    >
      <View className="rv-picker-row" role="button">
        <Text className="rv-picker-row__label">{ACTION_CHOICES[index].label}</Text>
        <Text className="rv-picker-row__change">换动作</Text>
        <ArrowDown size={16} />
      </View>
    </Picker>
  );
}

function EntryCard({ entry, onOnlyActor }: { entry: AuditEntryView; onOnlyActor: () => void }) {
  return (
    <View className="rv-card audit-card">
      <View className="audit-card__head">
        <Text className="audit-card__action">{entry.actionLabel}</Text>
        <Text className="audit-card__time">{formatDateTime(entry.at)}</Text>
      </View>
      <View className="audit-card__actor">
        <Text className="audit-card__name">{entry.actorName || '（未留姓名）'}</Text>
        <Badge tone={entry.actorRole === 'platform_admin' ? 'blue' : 'red'}>{entry.actorRoleLabel}</Badge>
        <View className="audit-card__only" role="button" onClick={onOnlyActor}>
          只看此人
        </View>
      </View>
      {entry.subjectName !== null ? (
        <Text className="audit-card__subject">涉及成员：{entry.subjectName || '（已注销）'}</Text>
      ) : null}
      {entry.summary ? <Text className="audit-card__summary">{entry.summary}</Text> : null}
      <Text className="audit-card__meta">
        第 {entry.sequence} 条{entry.ip ? ` · IP ${entry.ip}` : ''}
      </Text>
    </View>
  );
}

/**
 * 审计日志 (community secretaries): who did what, to whom, when and from where, newest first; by period, action and
 * person, and as a spreadsheet with the same filters.
 */
export default function AuditLogPage() {
  const me = useMe();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const membership = me.data?.memberships.find((m) => m.communityId === cid);
  const allowed = membership ? isSecretary(membership) : false;
  const [filters, setFilters] = useState<AuditFilters>({ period: 'week' });
  const list = usePagedList<AuditEntryView>(
    (cursor) => api.audit.log(cid, { ...filterQuery(filters), cursor, limit: 20 }),
    [cid, filters.period, filters.action, filters.actor?.id],
    { skip: !allowed },
  );

  if (me.error || !me.data) return <MePending me={me} />;
  if (!allowed) {
    return (
      <Page>
        <EmptyState title="没有查看权限" description="审计日志只有本社区的社区书记可以查看。" />
      </Page>
    );
  }

  const body = () => {
    if (list.loading) return <LoadingState cards={3} rows={3} />;
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.items.length) {
      return (
        <EmptyState
          icon={<Articles size={48} />}
          title="这段时间没有记录"
          description="审批、审核、设置角色、导出名单等操作都会记在这里。可以换一个时间段或动作看看。"
        />
      );
    }
    return (
      <>
        {list.items.map((entry) => (
          <EntryCard
            key={entry.id}
            entry={entry}
            onOnlyActor={() =>
              setFilters((current) => ({ ...current, actor: { id: entry.actorId, name: entry.actorName } }))
            }
          />
        ))}
        <ListFooter loading={list.loadingMore} done={!list.hasMore} />
      </>
    );
  };

  return (
    <Page className="audit-page">
      <Segmented
        items={PERIODS}
        value={filters.period}
        onChange={(period: Period) => setFilters((current) => ({ ...current, period }))}
      />
      <ActionSwitch
        value={filters.action}
        onChange={(action) => setFilters((current) => ({ ...current, action }))}
      />
      {filters.actor ? (
        <View
          className="rv-picker-row audit-actor"
          role="button"
          aria-label={`不再只看${filters.actor.name}`}
          onClick={() => setFilters((current) => ({ ...current, actor: undefined }))}
        >
          <Text className="rv-picker-row__label">只看：{filters.actor.name || '（未留姓名）'}</Text>
          <Close size={16} />
        </View>
      ) : null}
      <ExportButton
        label="导出 Excel"
        note="按上面的时间、动作和人员导出；导出也会记入审计日志"
        path={() => api.audit.exportPath(cid, filterQuery(filters))}
        filename={() => auditExportFileName()}
      />
      {body()}
    </Page>
  );
}
