import { Role, WishStatus } from '@redvest/contract';
import { CallerStanding, canActInCompound, effectiveRoles } from '../roles';
import { WishActor } from './state-machine';

/** The caller's standing in the wish's community, with the residents they are a linked family member of. */
export interface WishCallerStanding extends CallerStanding {
  familyOf?: ReadonlySet<string>;
}

/** Who the caller is to this wish (see the state machine's actors). */
export function wishActorsFor(
  wish: { authorId: string; claimerId: string | null; compoundId: string | null },
  caller: WishCallerStanding,
): Set<WishActor> {
  const actors = new Set<WishActor>();
  const roles = effectiveRoles(caller.granted);
  if (wish.authorId === caller.userId) actors.add('author');
  else if (caller.familyOf?.has(wish.authorId)) actors.add('family');
  if (wish.claimerId === caller.userId) actors.add('claimer');
  if (wish.authorId !== caller.userId && roles.has(Role.Volunteer)) actors.add('member');
  if (
    roles.has(Role.Secretary) ||
    (wish.compoundId && canActInCompound(caller.granted, caller.branchCompoundIds, wish.compoundId))
  ) {
    actors.add('reviewer');
  }
  return actors;
}

/** The wall shows published and confirmed wishes to everyone; the others only to the people close to them. */
export function wishVisibleTo(status: WishStatus, actors: ReadonlySet<WishActor>): boolean {
  return (
    status === WishStatus.Published ||
    status === WishStatus.Confirmed ||
    (actors.size > 0 && !(actors.size === 1 && actors.has('member')))
  );
}
