import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Message } from '@nutui/icons-react-taro';
import {
  CONTACT_LIMITS,
  DEMAND_CATEGORIES,
  DemandAction,
  DemandCategory,
  DemandStatus,
  DemandView,
  DemandTransitionRequest,
  MemberView,
  Role,
} from '@redvest/contract';
import { effectiveRoles, textProblem } from '@redvest/domain';
import { Badge, BadgeTone } from '../components/Badge';
import { FormDialog } from '../components/FormDialog';
import { MePending } from '../components/MePending';
import { Page } from '../components/Page';
import { PhotoStrip } from '../components/PhotoStrip';
import { PhotoPicker } from '../components/wishes/PhotoPicker';
import { ReasonDialog } from '../components/ReasonDialog';
import { Segmented } from '../components/Segmented';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../components/states';
import { MemberPicker } from '../components/wishes/MemberPicker';
import { toApiError, useShownAgain } from '../hooks/useAsync';
import { canApprovePoints, currentMembership, useMe } from '../hooks/useMe';
import { usePagedList } from '../hooks/usePagedList';
import { useSubmit } from '../hooks/useSubmit';
import { api } from '../services/api';
import { formatDate } from '../services/format';
import { contactListsPage, wishPage } from '../services/routes';
import { demandActionDone, orderDemandActions } from './demand-actions';
import './choices.scss';
import './demands.scss';
import { TextBox } from '../components/TextBox';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

type Tab = 'raised' | 'assigned' | 'queue';

const STATUS_TONES: Record<DemandStatus, BadgeTone> = {
  reported: 'orange',
  accepted: 'blue',
  in_progress: 'blue',
  resolved: 'green',
  rejected: 'red',
};

const ACTION_LABELS: Record<DemandAction, string> = {
  accept: '受理',
  start: '开始办理',
  resolve: '办结',
  reject: '不予受理',
  assign: '指派',
};

const BRANCH_ACTIONS: ReadonlySet<DemandAction> = new Set(['accept', 'reject', 'assign']);

const REJECT_REASONS = ['不属于社区办理范围', '已由其他部门处理', '情况不属实'] as const;

function DemandCard({
  demand,
  onAction,
  onWish,
  onProject,
}: {
  demand: DemandView;
  onAction: (action: DemandAction) => void;
  onWish: () => void;
  onProject: () => void;
}) {
  // Only the branch (or the secretary) accepts, rejects or assigns: it alone turns a demand into something else.
  const branch = demand.actions.some((action) => BRANCH_ACTIONS.has(action));
  const canWish = branch && !demand.wishId;
  const { main, others } = orderDemandActions(demand.status, demand.actions);
  return (
    <View className="rv-card demand-card">
      <View className="demand-card__head">
        <Text className="demand-card__category">{demand.category}</Text>
        <Badge tone={STATUS_TONES[demand.status]}>{demand.statusLabel}</Badge>
      </View>
      <Text className="demand-card__text">{demand.text}</Text>
      <PhotoStrip small photos={demand.photos} label="诉求照片" />
      <Text className="demand-card__meta">
        {[
          demand.householdLabel ?? demand.compound,
          `${demand.raisedByName} 提出`,
          formatDate(demand.createdAt),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {demand.assigneeName ? <Text className="demand-card__meta">承办人：{demand.assigneeName}</Text> : null}
      {demand.resolution ? <Text className="demand-card__meta">办理结果：{demand.resolution}</Text> : null}
      {demand.rejectReason ? <Text className="demand-card__meta">原因：{demand.rejectReason}</Text> : null}
      {demand.wishId ? (
        <Text
          className="demand-card__link"
          onClick={() => void Taro.navigateTo({ url: wishPage(demand.wishId as string) })}
        >
          已转为微心愿，点此查看
        </Text>
      ) : null}
      {demand.actions.length ? (
        <View className="demand-card__actions">
          {others.map((action) => (
            <Button key={action} size="small" onClick={() => onAction(action)}>
              {ACTION_LABELS[action]}
            </Button>
          ))}
          {branch ? (
            <Button size="small" onClick={onProject}>
              建服务项目
            </Button>
          ) : null}
          {canWish ? (
            <Button size="small" onClick={onWish}>
              转为心愿
            </Button>
          ) : null}
          {main ? (
            <Button className="demand-card__main" type="primary" block onClick={() => onAction(main)}>
              {ACTION_LABELS[main]}
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/** 提诉求: a category and what the matter is. */
function RaiseDialog({ cid, onDone, onCancel }: { cid: string; onDone: () => void; onCancel: () => void }) {
  const [category, setCategory] = useState<DemandCategory>();
  const [text, setText] = useState('');
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const { busy, submit: send } = useSubmit('没有提交成功');
  const blank = textProblem(text, CONTACT_LIMITS.demandText) === 'required';
  const submit = () =>
    send(async () => {
      if (!category) return;
      await api.contact.raiseDemand(cid, {
        category,
        text: text.trim(),
        ...(photoIds.length ? { photoIds } : {}),
      });
      void showToast({ title: '诉求已提交', icon: 'success' });
      onDone();
    });
  return (
    <FormDialog
      title="提诉求"
      confirmText="提交"
      busy={busy}
      disabled={!category || blank || uploading}
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <View className="demand-categories" role="radiogroup" aria-label="诉求类别">
        {DEMAND_CATEGORIES.map((item) => (
          <View
            key={item}
            role="radio"
            aria-checked={category === item}
            className={`visit-choice${category === item ? ' visit-choice--on' : ''}`}
            onClick={() => setCategory(item)}
          >
            {item}
          </View>
        ))}
      </View>
      <TextBox
        value={text}
        placeholder="请说明遇到的问题"
        maxLength={CONTACT_LIMITS.demandText.max}
        onChange={(value) => setText(value)}
      />
      <PhotoPicker disabled={busy} onChange={setPhotoIds} onUploadingChange={setUploading} />
    </FormDialog>
  );
}

/** 群众诉求: what I raised, what was given to me, and for branch secretaries and secretaries their queue. */
export default function DemandsPage() {
  const me = useMe();
  const membership = currentMembership(me.data);
  const cid = membership?.communityId;
  const handles = membership ? canApprovePoints(membership) : false;
  // Open where the work is: a branch secretary's queue, else what I raised.
  const [chosenTab, setTab] = useState<Tab>();
  const tab: Tab = chosenTab ?? (handles ? 'queue' : 'raised');
  const demands = usePagedList<DemandView>(
    (cursor) =>
      api.contact.demands(cid as string, {
        ...(tab === 'queue' ? {} : { mine: tab }),
        cursor,
        limit: 20,
      }),
    [cid, tab],
    { skip: !cid },
  );
  useShownAgain(() => void demands.reload());
  const [raising, setRaising] = useState(false);
  const [resolving, setResolving] = useState<DemandView | null>(null);
  const [note, setNote] = useState('');
  const [rejecting, setRejecting] = useState<DemandView | null>(null);
  const [assigning, setAssigning] = useState<DemandView | null>(null);
  const [busy, setBusy] = useState(false);

  const replace = (updated: DemandView) =>
    demands.updateItems((items) => items.map((item) => (item.id === updated.id ? updated : item)));

  const transition = async (demand: DemandView, body: DemandTransitionRequest): Promise<boolean> => {
    setBusy(true);
    try {
      const updated = await api.contact.transitionDemand(demand.id, body);
      replace(updated);
      void showToast({ title: demandActionDone(body.action, updated.assigneeName), icon: 'success' });
      return true;
    } catch (caught) {
      void showModal({ title: '操作没有成功', content: toApiError(caught).message, showCancel: false });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onAction = (demand: DemandView, action: DemandAction) => {
    if (action === 'resolve') {
      setNote('');
      setResolving(demand);
    } else if (action === 'reject') setRejecting(demand);
    else if (action === 'assign') setAssigning(demand);
    else void transition(demand, { action });
  };

  const toWish = async (demand: DemandView) => {
    const { confirm } = await showModal({
      title: '转为微心愿',
      content: '把这条诉求发布到心愿墙，请志愿者帮忙？',
      confirmText: '转为心愿',
    });
    if (!confirm) return;
    try {
      const wish = await api.contact.demandToWish(demand.id);
      void demands.reload();
      void Taro.navigateTo({ url: wishPage(wish.id) });
    } catch (caught) {
      void showModal({ title: '没有转成功', content: toApiError(caught).message, showCancel: false });
    }
  };

  if (me.error || !me.data) return <MePending me={me} />;
  if (!cid) {
    return (
      <Page>
        <EmptyState title="还没有加入社区" description="加入社区后可以提诉求。" />
      </Page>
    );
  }

  const isMember = membership ? effectiveRoles(membership.roles).has(Role.PartyMember) : false;
  const tabs: { key: Tab; label: string }[] = [
    { key: 'raised', label: '我提出的' },
    ...(isMember ? [{ key: 'assigned' as const, label: '指派给我的' }] : []),
    ...(handles ? [{ key: 'queue' as const, label: '待处理' }] : []),
  ];

  const body = () => {
    if (demands.loading || (!demands.data && !demands.error)) return <LoadingState cards={2} rows={3} />;
    if (demands.error) return <ErrorState error={demands.error} onRetry={demands.reload} />;
    if (!demands.items.length) {
      return (
        <EmptyState
          icon={<Message size={48} />}
          title={tab === 'raised' ? '还没有提过诉求' : '没有需要处理的诉求'}
          description={tab === 'raised' ? '家里或小区遇到难事，可以在这里告诉社区。' : undefined}
        />
      );
    }
    return (
      <>
        {demands.items.map((demand) => (
          <DemandCard
            key={demand.id}
            demand={demand}
            onAction={(action) => onAction(demand, action)}
            onWish={() => void toWish(demand)}
            onProject={() =>
              void Taro.navigateTo({ url: contactListsPage(cid as string, { demandId: demand.id }) })
            }
          />
        ))}
        <ListFooter loading={demands.loadingMore} done={!demands.hasMore} />
      </>
    );
  };

  return (
    <Page className="demands-page">
      {tabs.length > 1 ? <Segmented items={tabs} value={tab} onChange={setTab} /> : null}
      <View className="demands-raise">
        <Button type="primary" size="large" block onClick={() => setRaising(true)}>
          提诉求
        </Button>
      </View>
      {body()}
      {raising ? (
        <RaiseDialog
          cid={cid}
          onCancel={() => setRaising(false)}
          onDone={() => {
            setRaising(false);
            if (tab === 'raised') void demands.reload();
            else setTab('raised');
          }}
        />
      ) : null}
      {resolving ? (
        <FormDialog
          title="办结"
          confirmText="办结"
          busy={busy}
          disabled={!note.trim()}
          onCancel={() => setResolving(null)}
          onConfirm={() =>
            void transition(resolving, { action: 'resolve', note: note.trim() }).then(
              (done) => done && setResolving(null),
            )
          }
        >
          <TextBox
            value={note}
            placeholder="怎么办的，结果如何"
            maxLength={CONTACT_LIMITS.resolution.max}
            onChange={(value) => setNote(value)}
          />
        </FormDialog>
      ) : null}
      {rejecting ? (
        <ReasonDialog
          title="不予受理"
          prompt="请写明原因，提出人会看到"
          confirmText="不予受理"
          presets={REJECT_REASONS}
          busy={busy}
          onCancel={() => setRejecting(null)}
          onConfirm={(reason) =>
            void transition(rejecting, { action: 'reject', reason }).then(
              (done) => done && setRejecting(null),
            )
          }
        />
      ) : null}
      {assigning ? (
        <MemberPicker
          cid={cid}
          title="指派给"
          hint="选一位党员承办这条诉求"
          eligible={(member: MemberView) => effectiveRoles(member.roles).has(Role.PartyMember)}
          onClose={() => setAssigning(null)}
          onPick={(member) => {
            const demand = assigning;
            setAssigning(null);
            void transition(demand, { action: 'assign', assigneeId: member.userId });
          }}
        />
      ) : null}
    </Page>
  );
}
