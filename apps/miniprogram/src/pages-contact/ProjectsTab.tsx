import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Order } from '@nutui/icons-react-taro';
import { ServiceProjectView } from '@redvest/contract';
import { Badge, BadgeTone } from '../components/Badge';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../components/states';
import { toApiError } from '../hooks/useAsync';
import { usePagedList } from '../hooks/usePagedList';
import { api } from '../services/api';
import { formatDate } from '../services/format';
import { ProjectDialog } from './ProjectDialog';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

type ProjectStatus = ServiceProjectView['status'];

const STATUS: Record<ProjectStatus, { label: string; tone: BadgeTone }> = {
  open: { label: '待接单', tone: 'orange' },
  taken: { label: '进行中', tone: 'blue' },
  done: { label: '已完成', tone: 'green' },
};

function ProjectCard({
  project,
  busy,
  canTake,
  canFinish,
  onTake,
  onFinish,
}: {
  project: ServiceProjectView;
  busy: boolean;
  canTake: boolean;
  canFinish: boolean;
  onTake: () => void;
  onFinish: () => void;
}) {
  const status = STATUS[project.status];
  return (
    <View className="rv-card list-card" aria-label={project.title}>
      <View className="list-card__head">
        <Text className="list-card__title">{project.title}</Text>
        <Badge tone={status.tone}>{status.label}</Badge>
      </View>
      <View className="rv-tags">
        <Badge tone="red">{project.modeLabel}</Badge>
      </View>
      {project.description ? <Text className="list-card__text">{project.description}</Text> : null}
      {project.demandText ? <Text className="list-card__meta">对接诉求：{project.demandText}</Text> : null}
      {project.resourceTitle ? (
        <Text className="list-card__meta">使用资源：{project.resourceTitle}</Text>
      ) : null}
      {project.takerName ? <Text className="list-card__meta">接单人：{project.takerName}</Text> : null}
      <Text className="list-card__meta">建立时间：{formatDate(project.createdAt)}</Text>
      {canTake || canFinish ? (
        <View className="rv-actions">
          {canTake ? (
            <Button type="primary" size="large" loading={busy} onClick={onTake}>
              接单
            </Button>
          ) : null}
          {canFinish ? (
            <Button type="primary" size="large" loading={busy} onClick={onFinish}>
              完成
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/**
 * 项目单: service projects and who does them. Party members take open projects (党员接单, and what residents
 * ordered, 群众点单); 社区派单 ones come with their member. The taker or a
 * secretary marks one done; secretaries and branch secretaries start new ones.
 */
export function ProjectsTab({
  cid,
  canTake,
  canCreate,
  secretary,
  forDemand,
}: {
  cid: string;
  canTake: boolean;
  canCreate: boolean;
  secretary: boolean;
  /** Open 新建项目 at once, answering this demand. */
  forDemand?: string;
}) {
  const projects = usePagedList((cursor) => api.contact.projects(cid, { cursor, limit: 20 }), [cid]);
  const [creating, setCreating] = useState(canCreate && !!forDemand);
  const [busy, setBusy] = useState<string | null>(null);
  const items = projects.items;

  const replace = (updated: ServiceProjectView) =>
    projects.updateItems((current) => current.map((item) => (item.id === updated.id ? updated : item)));

  const act = async (
    project: ServiceProjectView,
    run: () => Promise<ServiceProjectView>,
    messages: { done: string; failed: string },
  ) => {
    setBusy(project.id);
    try {
      replace(await run());
      void showToast({ title: messages.done, icon: 'success' });
    } catch (caught) {
      const error = toApiError(caught);
      // 409: someone else took it first, or it changed meanwhile: say so and show the list as it is now.
      await showModal({ title: messages.failed, content: error.message, showCancel: false });
      if (error.status === 409) void projects.reload();
    } finally {
      setBusy(null);
    }
  };

  const take = (project: ServiceProjectView) =>
    void act(project, () => api.contact.takeProject(project.id), {
      done: '接单成功',
      failed: '没有接到这个项目',
    });

  const finish = async (project: ServiceProjectView) => {
    const { confirm } = await showModal({
      title: '项目完成',
      content: `“${project.title}”已经办完了吗？`,
      confirmText: '已完成',
    });
    if (confirm) {
      await act(project, () => api.contact.finishProject(project.id), { done: '已完成', failed: '没有完成' });
    }
  };

  const body = () => {
    if (projects.loading) return <LoadingState cards={2} rows={3} />;
    if (projects.error) return <ErrorState error={projects.error} onRetry={projects.reload} />;
    if (!items.length) {
      return (
        <EmptyState
          icon={<Order size={48} />}
          title="还没有服务项目"
          description="社区把资源和需求对接起来，建立的项目会出现在这里。"
        />
      );
    }
    const cards = items.map((project) => (
      <ProjectCard
        key={project.id}
        project={project}
        busy={busy === project.id}
        canTake={canTake && project.status === 'open'}
        canFinish={project.status === 'taken' && (project.takenByMe || secretary)}
        onTake={() => take(project)}
        onFinish={() => void finish(project)}
      />
    ));
    return (
      <>
        {cards}
        <ListFooter loading={projects.loadingMore} done={!projects.hasMore} />
      </>
    );
  };

  return (
    <>
      {canCreate ? (
        <View className="lists-action">
          <Button type="primary" size="large" block onClick={() => setCreating(true)}>
            新建项目
          </Button>
        </View>
      ) : null}
      {body()}
      {creating ? (
        <ProjectDialog
          cid={cid}
          demandId={forDemand}
          onCancel={() => setCreating(false)}
          onDone={(project) => {
            setCreating(false);
            projects.updateItems((current) => [project, ...current]);
          }}
        />
      ) : null}
    </>
  );
}
