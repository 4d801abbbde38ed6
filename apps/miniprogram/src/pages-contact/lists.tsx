import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { MePending } from '../components/MePending';
import { Page } from '../components/Page';
import { Segmented } from '../components/Segmented';
import { EmptyState } from '../components/states';
import { canApprovePoints, currentMembership, isPartyMember, isSecretary, useMe } from '../hooks/useMe';
import { queryParam } from '../services/routes';
import { DemandListTab } from './DemandListTab';
import { ProjectsTab } from './ProjectsTab';
import { ResourcesTab } from './ResourcesTab';
import './lists.scss';

type Tab = 'resources' | 'demands' | 'projects';

const TABS: { key: Tab; label: string }[] = [
  { key: 'resources', label: '资源单' },
  { key: 'demands', label: '需求单' },
  { key: 'projects', label: '项目单' },
];

/** 三单: what members and units offer (资源单), what residents ask (需求单), and the projects matching them (项目单). */
export default function ContactListsPage() {
  const me = useMe();
  const params = useRouter().params;
  const asked = queryParam(params, 'cid');
  // From a demand's 建服务项目: 项目单, with 新建项目 answering it.
  const forDemand = queryParam(params, 'demandId');
  const membership = asked
    ? me.data?.memberships.find((m) => m.communityId === asked)
    : currentMembership(me.data);
  const [tab, setTab] = useState<Tab>(forDemand ? 'projects' : 'resources');

  if (me.error || !me.data) return <MePending me={me} />;
  if (!membership) {
    return (
      <Page>
        <EmptyState title="还没有加入这个社区" description="加入社区后可以查看资源、需求和项目。" />
      </Page>
    );
  }

  const cid = membership.communityId;
  return (
    <Page className="lists-page">
      <Segmented items={TABS} value={tab} onChange={setTab} />
      {tab === 'resources' ? (
        <ResourcesTab cid={cid} canOffer={isPartyMember(membership)} employer={membership.employer} />
      ) : tab === 'demands' ? (
        <DemandListTab cid={cid} />
      ) : (
        <ProjectsTab
          cid={cid}
          canTake={isPartyMember(membership)}
          canCreate={canApprovePoints(membership)}
          secretary={isSecretary(membership)}
          forDemand={forDemand}
        />
      )}
    </Page>
  );
}
