import { DemandAction, DemandStatus, Role } from '@redvest/contract';
import { CallerStanding, canActInCompound, effectiveRoles } from '../roles';
import { stateMachine, TransitionCheck, TransitionTable } from '../state-machine';

/** Who someone is to a demand: the compound's branch (or the community secretary), or the member it was assigned to. */
export type DemandActor = 'branch' | 'assignee';

/** 诉求: reported → accepted → in_progress → resolved, or rejected with a reason (DESIGN §6). */
export const DEMAND_TRANSITIONS: TransitionTable<DemandAction, DemandStatus, DemandActor> = {
  accept: { from: ['reported'], to: 'accepted', by: ['branch'] },
  reject: { from: ['reported', 'accepted'], to: 'rejected', by: ['branch'] },
  assign: { from: ['accepted', 'in_progress'], by: ['branch'] },
  start: { from: ['accepted'], to: 'in_progress', by: ['branch', 'assignee'] },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved', by: ['branch', 'assignee'] },
};

const DEMAND_MACHINE = /*#__PURE__*/ stateMachine(DEMAND_TRANSITIONS);

export function checkDemandTransition(
  action: DemandAction,
  status: DemandStatus,
  actors: ReadonlySet<DemandActor>,
): TransitionCheck {
  return DEMAND_MACHINE.check(action, status, actors);
}

/** The state a demand is in after `action` (an assignment keeps it). */
export function demandStatusAfter(action: DemandAction, status: DemandStatus): DemandStatus {
  return DEMAND_MACHINE.after(action, status);
}

export function demandActions(status: DemandStatus, actors: ReadonlySet<DemandActor>): DemandAction[] {
  return DEMAND_MACHINE.allowed(status, actors);
}

/** A demand is open until it is resolved or rejected: it can still be worked on, or turned into a wish. */
export const OPEN_DEMAND_STATUSES: readonly DemandStatus[] = ['reported', 'accepted', 'in_progress'];

/** Who the caller is to this demand: the secretary and the branch of its compound route it. */
export function demandActorsFor(
  demand: { compoundId: string | null; assigneeId: string | null },
  caller: CallerStanding,
): Set<DemandActor> {
  const actors = new Set<DemandActor>();
  if (
    effectiveRoles(caller.granted).has(Role.Secretary) ||
    (demand.compoundId && canActInCompound(caller.granted, caller.branchCompoundIds, demand.compoundId))
  ) {
    actors.add('branch');
  }
  if (demand.assigneeId === caller.userId) actors.add('assignee');
  return actors;
}

/**
 * What a demand shows of the people in it. The branch routes the demand: ids and names. The assignee needs
 * to know whom they serve; the resident who raised it recognises the assignee by a masked name. Nobody else
 * reads demands.
 */
export function demandDisclosure(
  actors: ReadonlySet<DemandActor>,
  raisedByCaller: boolean,
): { ids: boolean; raiserInFull: boolean; assigneeInFull: boolean } {
  const branch = actors.has('branch');
  const assignee = actors.has('assignee');
  return {
    ids: branch,
    raiserInFull: branch || assignee || raisedByCaller,
    assigneeInFull: branch || assignee,
  };
}
