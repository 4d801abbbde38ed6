import { DemandListRow, DemandStatus, ErrorCode, Role, ServiceMode } from '@redvest/contract';
import { invalidField, Refusal, refuse } from '../refusal';
import { CallerStanding, canActInCompound, effectiveRoles } from '../roles';

/** 三单: 资源单 (what is offered), 需求单 (what is asked), 项目单 (what is done, and by whom). */

/** Secretaries and branch secretaries set up and dispatch service projects, from the member list. */
export function organisesProjects(granted: readonly Role[]): boolean {
  const roles = effectiveRoles(granted);
  return roles.has(Role.Secretary) || roles.has(Role.BranchSecretary);
}

/** 以原单位名义: a resource offered by the member's employer, which the member must have registered. */
export function resourceEmployer(byEmployer: boolean, employerId: string | null): string | null | Refusal {
  if (!byEmployer) return null;
  return employerId ?? invalidField('byEmployer', '您还没有登记原单位');
}

/**
 * Who does a new project: 社区派单 gives it at once to the member named (a volunteer of the community);
 * 群众点单 and 党员接单 wait, open, for a member to take it.
 */
export function newProjectTaker(
  mode: ServiceMode,
  taker: { userId: string; granted: readonly Role[] } | null,
): { takerId: string | null; status: 'open' | 'taken' } | Refusal {
  if (mode !== 'community_dispatch') return { takerId: null, status: 'open' };
  if (!taker || !effectiveRoles(taker.granted).has(Role.Volunteer)) return refuse(ErrorCode.MemberNotFound);
  return { takerId: taker.userId, status: 'taken' };
}

/** Only the member who took a project, or a secretary on their behalf, marks it done. */
export function finishProjectRefusal(
  project: { takerId: string | null },
  callerId: string,
  granted: readonly Role[],
): Refusal | null {
  return project.takerId !== callerId && !effectiveRoles(granted).has(Role.Secretary)
    ? refuse(ErrorCode.Forbidden)
    : null;
}

/**
 * A demand's words are the household's business: shown, shortened, to the branch of its compound (or the
 * secretary) and to the member who took the project; everyone else sees that a project answers a demand,
 * not what it says.
 */
export function projectDemandText(
  demand: { text: string; compoundId: string | null },
  project: { takerId: string | null },
  caller: CallerStanding,
): string | null {
  const branch =
    effectiveRoles(caller.granted).has(Role.Secretary) ||
    (!!demand.compoundId && canActInCompound(caller.granted, caller.branchCompoundIds, demand.compoundId));
  if (!branch && project.takerId !== caller.userId) return null;
  return demand.text.length > 40 ? `${demand.text.slice(0, 40)}…` : demand.text;
}

/** 需求单: demands by category and compound, open and resolved (rejected ones are not counted), most open first. */
export function demandListRows(
  demands: readonly { category: string; compound: string | null; status: DemandStatus }[],
): DemandListRow[] {
  const rows = new Map<string, DemandListRow>();
  for (const d of demands) {
    if (d.status === 'rejected') continue;
    const key = `${d.category}/${d.compound}`;
    const row = rows.get(key) ?? { category: d.category, compound: d.compound, open: 0, resolved: 0 };
    if (d.status === 'resolved') row.resolved++;
    else row.open++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.open - a.open || a.category.localeCompare(b.category, 'zh'));
}
