import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { User } from '@nutui/icons-react-taro';
import { ExportButton } from '../../components/ExportButton';
import { MePending } from '../../components/MePending';
import { Page } from '../../components/Page';
import { Segmented } from '../../components/Segmented';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useAsync, usePullToRefresh } from '../../hooks/useAsync';
import { canEvaluate, isSecretary, useMe } from '../../hooks/useMe';
import { api } from '../../services/api';
import { chinaDay } from '../../services/format';
import { queryParam } from '../../services/routes';
import { mergeMembers, MemberCard } from './MemberCard';
import { RateDialog, Rating } from './RateDialog';
import './index.scss';

/** This year and the three before it, newest first. */
export function yearChoices(now = new Date()): { key: string; label: string }[] {
  const year = Number(chinaDay(now).slice(0, 4));
  return [0, 1, 2, 3].map((back) => ({ key: String(year - back), label: `${year - back}年` }));
}

export function annualExportFileName(year: number): string {
  return `${year}年在职党员社区服务情况.xlsx`;
}

/**
 * 年度评价: the members the caller may rate this year (group leader: 小组; branch secretary: 支部; secretary:
 * all three), with the ratings given; secretaries also see what each member did and export the year's table.
 */
export default function EvaluationPage() {
  const me = useMe();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const membership = me.data?.memberships.find((m) => m.communityId === cid);
  const allowed = membership ? canEvaluate(membership) : false;
  const secretary = membership ? isSecretary(membership) : false;
  const years = yearChoices();
  const [year, setYear] = useState(years[0].key);
  const evaluations = useAsync(() => api.contact.evaluations(cid, Number(year)), [cid, year], {
    skip: !allowed,
  });
  const report = useAsync(() => api.contact.annualReport(cid, Number(year)), [cid, year], {
    skip: !secretary,
  });
  usePullToRefresh(() => Promise.all([allowed && evaluations.reload(), secretary && report.reload()]));
  const [rating, setRating] = useState<Rating | null>(null);

  if (me.error || !me.data) return <MePending me={me} />;
  if (!allowed) {
    return (
      <Page>
        <EmptyState
          title="没有评价权限"
          description="党员小组组长、支部书记和社区书记可以在这里进行年度评价。"
        />
      </Page>
    );
  }

  const list = () => {
    if (evaluations.loading || (secretary && report.loading)) return <LoadingState cards={3} rows={3} />;
    if (evaluations.error) return <ErrorState error={evaluations.error} onRetry={evaluations.reload} />;
    const members = mergeMembers(evaluations.data?.items ?? [], report.data?.members);
    return (
      <>
        {report.error ? <ErrorState error={report.error} onRetry={report.reload} /> : null}
        {members.length ? (
          members.map((member) => (
            <MemberCard
              key={member.userId}
              member={member}
              onRate={(level) =>
                setRating({ userId: member.userId, name: member.name, level, given: member.ratings[level] })
              }
            />
          ))
        ) : (
          <EmptyState
            icon={<User size={48} />}
            title="没有需要您评价的党员"
            description="您所在小组或支部的在职党员会出现在这里。"
          />
        )}
      </>
    );
  };

  return (
    <Page className="eval-page">
      <Segmented items={years} value={year} onChange={setYear} />
      {secretary ? (
        <ExportButton
          label="导出年度表（Excel）"
          note="每个原单位一张表，可转发给单位党组织"
          path={() => `/api/communities/${encodeURIComponent(cid)}/reports/annual/export?year=${year}`}
          filename={() => annualExportFileName(Number(year))}
        />
      ) : null}
      {list()}
      {rating ? (
        <RateDialog
          cid={cid}
          year={Number(year)}
          rating={rating}
          onCancel={() => setRating(null)}
          onDone={() => {
            setRating(null);
            void evaluations.reload();
            if (secretary) void report.reload();
          }}
        />
      ) : null}
    </Page>
  );
}
