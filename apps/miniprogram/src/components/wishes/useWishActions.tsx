import { ReactNode, useState } from 'react';
import { ErrorCode, MemberView, Role, WishAction, WishView } from '@redvest/contract';
import { effectiveRoles } from '@redvest/domain';
import { toApiError } from '../../hooks/useAsync';
import { api } from '../../services/api';
import { openPdfWithLogin } from '../../services/files';
import { memberName } from '../members';
import { ReasonDialog } from '../ReasonDialog';
import { MemberPicker } from './MemberPicker';
import { ClaimDialog, ConfirmWishDialog, FulfilDialog } from './WishDialogs';
import { showModal } from '../../services/modal';
import { showToast } from '../../services/toast';

/** The server's answers that mean the wish changed meanwhile: say so and show it as it is now. */
const STALE: ReadonlySet<string> = new Set([
  ErrorCode.WishAlreadyClaimed,
  ErrorCode.WishWrongState,
  ErrorCode.WishNotFound,
  ErrorCode.WishActionNotAllowed,
]);

/** Refusals that no retry changes: say so and close the dialog. */
const FINAL: ReadonlySet<string> = new Set([
  ErrorCode.WishOwn,
  ErrorCode.ClaimLimitReached,
  ErrorCode.MemberNotFound,
]);

const REJECT_REASONS = ['内容不完整，请补充后再发', '不属于微心愿的范围', '请到社区服务站办理'];
const DISPUTE_REASONS = ['还没有办好', '和说好的不一样', '没有人联系我'];

type Dialog = { action: WishAction; wish: WishView };

export interface WishActions {
  /** Starts an action: asks first (a confirmation or a dialog), then sends it. */
  start: (wish: WishView, action: WishAction) => void;
  /** Opens the thank-you letter (PDF) of a confirmed wish. */
  letter: (wish: WishView) => void;
  /** The wish and action on its way, for a spinner on its button. */
  busy: { wishId: string; action: WishAction | 'letter' } | null;
  /** The open dialog, to render in the page. */
  dialogs: ReactNode;
}

/**
 * Every action on a wish, the same on the detail page, in 我认领的 and in 心愿审核: the confirmation or dialog
 * each needs, the request, a toast when done, and plain words when the wish changed meanwhile (someone else
 * claimed it first) — then `onStale` shows it as it is now.
 */
export function useWishActions({
  employer,
  onChanged,
  onStale,
}: {
  employer?: string | null;
  onChanged: (wish: WishView) => void;
  onStale: (wish: WishView) => void;
}): WishActions {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState<WishActions['busy']>(null);

  const run = async (wish: WishView, action: WishAction, call: () => Promise<WishView>, done: string) => {
    if (busy) return;
    setBusy({ wishId: wish.id, action });
    try {
      const updated = await call();
      setDialog(null);
      onChanged(updated);
      void showToast({ title: done, icon: 'success', duration: 2000 });
    } catch (caught) {
      const error = toApiError(caught);
      if (STALE.has(error.code) || FINAL.has(error.code)) {
        setDialog(null);
        await showModal({
          title: error.code === ErrorCode.WishAlreadyClaimed ? '手慢了一步' : '没有办成',
          content: error.message,
          showCancel: false,
          confirmText: '知道了',
        });
        if (STALE.has(error.code)) onStale(wish);
      } else {
        // The dialog stays open with what was typed, to try again.
        void showToast({ title: error.message, icon: 'none', duration: 3000 });
      }
    } finally {
      setBusy(null);
    }
  };

  const ask = async (title: string, content: string, confirmText: string): Promise<boolean> => {
    const { confirm } = await showModal({ title, content, confirmText, cancelText: '再想想' });
    return confirm;
  };

  /** Asks, then sends: for the actions that need only a yes (通过, 放弃认领, 撤回). */
  const askThen = async (
    wish: WishView,
    action: WishAction,
    question: [title: string, content: string, confirmText: string],
    call: () => Promise<WishView>,
    done: string,
  ) => {
    if (await ask(...question)) await run(wish, action, call, done);
  };

  const start = (wish: WishView, action: WishAction) => {
    if (busy) return;
    switch (action) {
      case 'publish':
        void askThen(
          wish,
          action,
          ['审核通过', `通过后，“${wish.title}”会发布到心愿墙，党员和志愿者可以认领。`, '通过'],
          () => api.wishes.review(wish.id, { action: 'publish' }),
          '已通过',
        );
        return;
      case 'release':
        void askThen(
          wish,
          action,
          ['放弃认领', '确定放弃认领吗？心愿会回到心愿墙，等其他人认领。', '放弃认领'],
          () => api.wishes.release(wish.id),
          '已放弃认领',
        );
        return;
      case 'cancel':
        void askThen(
          wish,
          action,
          ['撤回心愿', '确定撤回这个心愿吗？撤回后不能恢复，需要时可以重新发布。', '撤回'],
          () => api.wishes.cancel(wish.id),
          '已撤回',
        );
        return;
      default:
        setDialog({ action, wish });
    }
  };

  const dispatchTo = async (wish: WishView, member: MemberView) => {
    const name = memberName(member);
    if (await ask('派单', `把“${wish.title}”派给 ${name}？${name}会收到通知。`, '派单')) {
      await run(wish, 'dispatch', () => api.wishes.dispatch(wish.id, member.userId), '已派单');
    }
  };

  const letter = (wish: WishView) => {
    if (busy) return;
    setBusy({ wishId: wish.id, action: 'letter' });
    openPdfWithLogin(`/api/wishes/${encodeURIComponent(wish.id)}/letter`, `感谢信-${wish.title}.pdf`)
      .catch((error) => void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 }))
      .finally(() => setBusy(null));
  };

  const close = () => setDialog(null);
  const sending = busy !== null;
  let dialogs: ReactNode = null;
  if (dialog) {
    const { wish, action } = dialog;
    switch (action) {
      case 'claim':
        dialogs = (
          <ClaimDialog
            wish={wish}
            employer={employer}
            busy={sending}
            onCancel={close}
            onConfirm={(onBehalfOfEmployer) =>
              void run(
                wish,
                action,
                () => api.wishes.claim(wish.id, onBehalfOfEmployer ? { onBehalfOfEmployer } : {}),
                '认领成功',
              )
            }
          />
        );
        break;
      case 'fulfil':
        dialogs = (
          <FulfilDialog
            busy={sending}
            onCancel={close}
            onConfirm={(request) =>
              void run(wish, action, () => api.wishes.fulfil(wish.id, request), '已提交')
            }
          />
        );
        break;
      case 'confirm':
      case 'confirm_on_behalf':
        dialogs = (
          <ConfirmWishDialog
            wish={wish}
            onBehalf={action === 'confirm_on_behalf'}
            busy={sending}
            onCancel={close}
            onConfirm={(request) =>
              void run(wish, action, () => api.wishes.confirm(wish.id, request), '已确认完成')
            }
          />
        );
        break;
      case 'dispute':
        dialogs = (
          <ReasonDialog
            title="有异议"
            prompt="哪里还没办好？认领人会收到您的话，再和您联系。"
            confirmText="提交"
            presets={DISPUTE_REASONS}
            maxLength={200}
            busy={sending}
            onCancel={close}
            onConfirm={(reason) =>
              void run(wish, action, () => api.wishes.dispute(wish.id, reason), '已告诉认领人')
            }
          />
        );
        break;
      case 'reject':
        dialogs = (
          <ReasonDialog
            title="不通过"
            prompt="请写明原因（必填），居民能看到："
            confirmText="确定不通过"
            presets={REJECT_REASONS}
            maxLength={200}
            busy={sending}
            onCancel={close}
            onConfirm={(reason) =>
              void run(wish, action, () => api.wishes.review(wish.id, { action: 'reject', reason }), '已退回')
            }
          />
        );
        break;
      case 'dispatch':
        dialogs = (
          <MemberPicker
            cid={wish.communityId}
            title="派单给"
            hint="选一位党员或志愿者，心愿会直接交给他（她）办理。"
            eligible={(member) =>
              member.userId !== wish.authorId && effectiveRoles(member.roles).has(Role.Volunteer)
            }
            onClose={close}
            onPick={(member) => void dispatchTo(wish, member)}
          />
        );
        break;
      default:
        dialogs = null;
    }
  }
  return { start, letter, busy, dialogs };
}
