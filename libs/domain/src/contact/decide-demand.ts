import { DemandAction, DemandStatus, ErrorCode, WISH_LIMITS, WishCategory } from '@redvest/contract';
import { invalidField, Refusal, refuse } from '../refusal';
import { checkDemandTransition, DemandActor, demandStatusAfter, OPEN_DEMAND_STATUSES } from './demands';

/** The demand as its rules see it. */
export interface DemandFacts {
  status: DemandStatus;
  raisedBy: string;
  assigneeId: string | null;
  wishId: string | null;
  text: string;
}

export interface DemandCaller {
  userId: string;
  actors: ReadonlySet<DemandActor>;
}

/** The request, with what the server looked up for it. */
export interface DemandActionInput {
  action: DemandAction;
  reason?: string;
  note?: string;
  /** assign: the member named, as found in the community (null when not there or none named). */
  assignee?: { userId: string; active: boolean } | null;
}

/** The columns a transition writes besides the status. */
export interface DemandChanges {
  rejectReason?: string;
  resolution?: string | null;
  resolvedBy?: string;
  assigneeId?: string;
  updatedAt: Date;
}

export interface DemandDecision {
  action: DemandAction;
  /** What the demand must still be for the change to apply (a conditional update): of two at once, one wins. */
  expect: { status: DemandStatus };
  to: DemandStatus;
  changes: DemandChanges;
  /**
   * The branch routing the demand is written to the 审计日志, about whom it concerns; the assigned member
   * starting or resolving it is their own work.
   */
  audit: { subjectId: string } | null;
}

/** One transition of a demand: checked for who the caller is and what they sent, and what it changes. */
export function decideDemandAction(
  demand: DemandFacts,
  caller: DemandCaller,
  input: DemandActionInput,
  now: Date,
): DemandDecision | Refusal {
  const { action } = input;
  const verdict = checkDemandTransition(action, demand.status, caller.actors);
  if (verdict === 'not_allowed') return refuse(ErrorCode.DemandActionNotAllowed);
  if (verdict === 'wrong_state') return refuse(ErrorCode.DemandWrongState);
  const changes: DemandChanges = { updatedAt: now };
  if (action === 'reject') {
    const reason = input.reason?.trim();
    if (!reason) return invalidField('reason', '请填写不予受理的原因');
    changes.rejectReason = reason;
  }
  if (action === 'resolve') {
    changes.resolution = input.note?.trim() || null;
    changes.resolvedBy = caller.userId;
  }
  if (action === 'assign') {
    if (!input.assignee?.active) return refuse(ErrorCode.MemberNotFound);
    changes.assigneeId = input.assignee.userId;
  }
  return {
    action,
    expect: { status: demand.status },
    to: demandStatusAfter(action, demand.status),
    changes,
    audit:
      demand.assigneeId === caller.userId
        ? null
        : { subjectId: action === 'assign' ? changes.assigneeId! : demand.raisedBy },
  };
}

/** 转为微心愿: the wish posted for the resident who raised the demand, and how the demand follows it. */
export interface DemandToWishDecision {
  wish: { title: string; description: string; category: WishCategory; onBehalfOf: string };
  /** The demand is linked only while it is open and has no wish: of two taps at once, one wins. */
  link: { expect: readonly DemandStatus[]; to: DemandStatus };
}

export function decideDemandToWish(
  demand: DemandFacts,
  actors: ReadonlySet<DemandActor>,
): DemandToWishDecision | Refusal {
  if (!actors.has('branch')) return refuse(ErrorCode.DemandActionNotAllowed);
  if (demand.wishId || !OPEN_DEMAND_STATUSES.includes(demand.status))
    return refuse(ErrorCode.DemandWrongState);
  return {
    wish: {
      title: demand.text.slice(0, WISH_LIMITS.title.max),
      description: demand.text,
      category: '生活帮扶',
      onBehalfOf: demand.raisedBy,
    },
    link: { expect: OPEN_DEMAND_STATUSES, to: 'in_progress' },
  };
}
