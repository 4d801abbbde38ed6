import { useEffect, useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Checkbox } from '@nutui/nutui-react-taro';
import { Check } from '@nutui/icons-react-taro';
import { ApprovalItem, ErrorCode } from '@redvest/contract';
import { FormDialog } from '../../components/FormDialog';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../components/states';
import { toApiError } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { usePagedList } from '../../hooks/usePagedList';
import { api } from '../../services/api';
import { formatDateTime } from '../../services/format';
import { queryParam } from '../../services/routes';
import { ApprovalGroup, groupAmount, groupApprovals } from './group';
import './index.scss';
import { TextBox } from '../../components/TextBox';
import { showModal } from '../../services/modal';
import { showToast } from '../../services/toast';

/** Reasons secretaries give most often: one tap instead of typing. */
const COMMON_REASONS = ['当天未到场', '重复登记', '服务时长有误'];

type Rejecting = { groups: ApprovalGroup[] } | null;

function ApprovalCard({
  group,
  selected,
  busy,
  locked,
  problem,
  onToggle,
  onApprove,
  onReject,
}: {
  group: ApprovalGroup;
  selected: boolean;
  busy: boolean;
  locked: boolean;
  problem?: string;
  onToggle: () => void;
  onApprove: () => void;
  onReject: () => void;
}) {
  return (
    <View className={`rv-card approval-card${selected ? ' approval-card--selected' : ''}`}>
      <View className="approval-card__head">
        <Checkbox
          className="approval-card__check"
          checked={selected}
          disabled={locked}
          label={<Text className="approval-card__name">{group.userName || '（未留姓名）'}</Text>}
          onChange={onToggle}
        />
        <Text className="approval-card__amount">{groupAmount(group)}</Text>
      </View>
      <Text className="approval-card__reason">
        {group.codeLabel}
        {group.memo ? `：${group.memo}` : ''}
      </Text>
      <Text className="approval-card__time">{formatDateTime(group.createdAt)}</Text>
      {problem ? <Text className="approval-card__problem">未能处理：{problem}</Text> : null}
      <View className="rv-actions">
        <Button size="large" disabled={locked} onClick={onReject}>
          不通过
        </Button>
        <Button type="primary" size="large" loading={busy} disabled={locked && !busy} onClick={onApprove}>
          通过
        </Button>
      </View>
    </View>
  );
}

function RejectDialog({
  count,
  busy,
  onConfirm,
  onCancel,
}: {
  count: number;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  return (
    <FormDialog
      title={count > 1 ? `${count} 条不通过` : '不通过'}
      confirmText="确定不通过"
      busy={busy}
      disabled={!trimmed}
      onConfirm={() => trimmed && onConfirm(trimmed)}
      onCancel={onCancel}
    >
      <Text className="reject-dialog__label">请填写原因（必填），成员能看到：</Text>
      <View className="reject-dialog__chips">
        {COMMON_REASONS.map((text) => (
          <View
            key={text}
            className={`rv-chip${trimmed === text ? ' rv-chip--selected' : ''}`}
            onClick={() => setReason(text)}
          >
            {text}
          </View>
        ))}
      </View>
      <View className="reject-dialog__input">
        <TextBox value={reason} placeholder="也可以自己写" maxLength={100} onChange={setReason} />
      </View>
    </FormDialog>
  );
}

export default function ApprovalsPage() {
  useRequireLogin();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const list = usePagedList<ApprovalItem>((cursor) => api.approvals.queue(cid, { cursor, limit: 50 }), [cid]);
  const groups = useMemo(() => groupApprovals(list.items), [list.items]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  // The group being decided, or 'batch'.
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Rejecting>(null);

  // Everything shown was decided but more wait on the server: fetch them.
  const { hasMore, reload, loading } = list;
  useEffect(() => {
    if (!loading && !groups.length && hasMore) void reload();
  }, [loading, groups.length, hasMore, reload]);

  const visibleKeys = groups.map((group) => group.key);
  const chosen = groups.filter((group) => selected.has(group.key));
  const allChosen = groups.length > 0 && chosen.length === groups.length;

  /** Takes decided transfers off the list (with whatever is linked to them). */
  const remove = (decided: ApprovalGroup[]) => {
    const ids = new Set(decided.flatMap((group) => group.transferIds));
    const keys = new Set(decided.map((group) => group.key));
    list.updateItems((items) => items.filter((item) => !ids.has(item.transferId)));
    setSelected((current) => new Set([...current].filter((key) => !keys.has(key))));
    setProblems((current) => new Map([...current].filter(([key]) => !keys.has(key))));
  };

  const setProblem = (group: ApprovalGroup, message: string) =>
    setProblems((current) => new Map(current).set(group.key, message));

  const toggle = (key: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const decideOne = async (group: ApprovalGroup, action: 'approve' | 'reject', reason?: string) => {
    if (busy) return;
    setBusy(group.key);
    try {
      if (action === 'approve') await api.approvals.approve(group.transferId);
      else await api.approvals.reject(group.transferId, reason ?? '');
      remove([group]);
      setRejecting(null);
      void showToast({ title: action === 'approve' ? '已通过' : '已退回', icon: 'success' });
    } catch (caught) {
      const error = toApiError(caught);
      setRejecting(null);
      if (error.code === ErrorCode.TransferNotPending) {
        // Someone else decided it meanwhile: it is no longer waiting.
        remove([group]);
        void showToast({ title: '这条已被他人审批', icon: 'none', duration: 2500 });
      } else {
        setProblem(group, error.message);
        void showToast({ title: error.message, icon: 'none', duration: 3000 });
      }
    } finally {
      setBusy(null);
    }
  };

  const decideBatch = async (targets: ApprovalGroup[], action: 'approve' | 'reject', reason?: string) => {
    if (busy || !targets.length) return;
    setBusy('batch');
    try {
      const { results } = await api.approvals.batch(cid, {
        transferIds: targets.map((group) => group.transferId),
        action,
        ...(reason ? { reason } : {}),
      });
      const outcome = new Map(results.map((result) => [result.transferId, result]));
      const decided = targets.filter((group) => outcome.get(group.transferId)?.ok);
      const failed = targets.filter((group) => !outcome.get(group.transferId)?.ok);
      remove(decided);
      setProblems((current) => {
        const next = new Map(current);
        for (const group of failed) {
          next.set(group.key, outcome.get(group.transferId)?.error?.message ?? '没有处理成功');
        }
        return next;
      });
      setRejecting(null);
      const verb = action === 'approve' ? '通过' : '退回';
      if (failed.length) {
        await showModal({
          title: `${decided.length} 条已${verb}，${failed.length} 条未成功`,
          content: '未成功的记录仍在列表中，原因已用红字标出。',
          showCancel: false,
        });
      } else {
        void showToast({ title: `已${verb} ${decided.length} 条`, icon: 'success' });
      }
    } catch (caught) {
      setRejecting(null);
      void showToast({ title: toApiError(caught).message, icon: 'none', duration: 3000 });
    } finally {
      setBusy(null);
    }
  };

  const approveChosen = async () => {
    const { confirm } = await showModal({
      title: '批量通过',
      content: `确定通过选中的 ${chosen.length} 条积分吗？`,
      confirmText: '全部通过',
    });
    if (confirm) await decideBatch(chosen, 'approve');
  };

  const body = () => {
    if (list.loading) return <LoadingState cards={3} rows={2} />;
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!groups.length) {
      return (
        <EmptyState
          icon={<Check size={48} />}
          title="没有待审批的积分"
          description="志愿者签到、完成心愿获得的积分需要审批时，会出现在这里。"
        />
      );
    }
    return (
      <>
        <Text className="rv-section-title">共 {groups.length} 条待审批，通过后积分和服务时长一起入账</Text>
        {groups.map((group) => (
          <ApprovalCard
            key={group.key}
            group={group}
            selected={selected.has(group.key)}
            busy={busy === group.key}
            locked={busy !== null}
            problem={problems.get(group.key)}
            onToggle={() => toggle(group.key)}
            onApprove={() => void decideOne(group, 'approve')}
            onReject={() => setRejecting({ groups: [group] })}
          />
        ))}
        <ListFooter loading={list.loadingMore} done={!list.hasMore} />
      </>
    );
  };

  return (
    <Page className={`approvals-page${groups.length ? ' approvals-page--with-bar' : ''}`}>
      {body()}
      {groups.length && !list.loading && !list.error ? (
        <View className="approvals-bar">
          <Checkbox
            className="approvals-bar__all"
            checked={allChosen}
            indeterminate={chosen.length > 0 && !allChosen}
            disabled={busy !== null}
            label={`全选${chosen.length ? `（${chosen.length}）` : ''}`}
            onChange={() => setSelected(allChosen ? new Set() : new Set(visibleKeys))}
          />
          <Button
            size="large"
            disabled={!chosen.length || busy !== null}
            onClick={() => setRejecting({ groups: chosen })}
          >
            批量不通过
          </Button>
          <Button
            type="primary"
            size="large"
            loading={busy === 'batch' && !rejecting}
            disabled={!chosen.length || busy !== null}
            onClick={() => void approveChosen()}
          >
            批量通过
          </Button>
        </View>
      ) : null}
      {rejecting ? (
        <RejectDialog
          count={rejecting.groups.length}
          busy={busy !== null}
          onCancel={() => setRejecting(null)}
          onConfirm={(reason) =>
            void (rejecting.groups.length === 1
              ? decideOne(rejecting.groups[0], 'reject', reason)
              : decideBatch(rejecting.groups, 'reject', reason))
          }
        />
      ) : null}
    </Page>
  );
}
