import { DemandAction, DemandStatus } from '@redvest/contract';

/** The one step a demand waits for in each state: the red button; every other action is a plain one. */
const MAIN_ACTION: Partial<Record<DemandStatus, DemandAction>> = {
  reported: 'accept',
  accepted: 'start',
  in_progress: 'resolve',
};

/** The main action first, then the rest in the server's order. */
export function orderDemandActions(
  status: DemandStatus,
  actions: readonly DemandAction[],
): { main: DemandAction | null; others: DemandAction[] } {
  const wanted = MAIN_ACTION[status];
  const main = wanted && actions.includes(wanted) ? wanted : null;
  return { main, others: actions.filter((action) => action !== main) };
}

/** What the toast says once an action went through. */
export function demandActionDone(action: DemandAction, assigneeName?: string | null): string {
  switch (action) {
    case 'accept':
      return '已受理';
    case 'start':
      return '已开始办理';
    case 'resolve':
      return '已办结';
    case 'reject':
      return '已不予受理';
    case 'assign':
      return assigneeName ? `已指派给${assigneeName}` : '已指派';
  }
}
