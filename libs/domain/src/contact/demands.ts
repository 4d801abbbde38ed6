import { DemandAction, DemandStatus } from '@redvest/contract';

/** Who someone is to a demand: the compound's branch (or the community secretary), or the member it was assigned to. */
export type DemandActor = 'branch' | 'assignee';

const TRANSITIONS: Record<
  DemandAction,
  { from: DemandStatus[]; to: DemandStatus | null; by: DemandActor[] }
> = {
  accept: { from: ['reported'], to: 'accepted', by: ['branch'] },
  reject: { from: ['reported', 'accepted'], to: 'rejected', by: ['branch'] },
  assign: { from: ['accepted', 'in_progress'], to: null, by: ['branch'] },
  start: { from: ['accepted'], to: 'in_progress', by: ['branch', 'assignee'] },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved', by: ['branch', 'assignee'] },
};

/** 诉求: reported → accepted → in_progress → resolved, or rejected with a reason (DESIGN §6). */
export function demandTransition(
  action: DemandAction,
  status: DemandStatus,
  actors: ReadonlySet<DemandActor>,
) {
  const t = TRANSITIONS[action];
  if (!t.by.some((a) => actors.has(a))) return { ok: false as const, why: 'not_allowed' as const };
  if (!t.from.includes(status)) return { ok: false as const, why: 'wrong_state' as const };
  return { ok: true as const, to: t.to ?? status };
}

export function demandActions(status: DemandStatus, actors: ReadonlySet<DemandActor>): DemandAction[] {
  return (Object.keys(TRANSITIONS) as DemandAction[]).filter((a) => demandTransition(a, status, actors).ok);
}
