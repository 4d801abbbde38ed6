import { effectiveRoles } from '@redvest/domain';
import { CommunityAccess } from '../auth/auth-context';
import { findMembership } from '../communities/membership-lookup';
import { Db } from '../database/db';

/** A demo user's access to the demo community, as the access guard would give it to their requests. */
export async function demoAccess(db: Db, communityId: string, userId: string): Promise<CommunityAccess> {
  const found = await db.read((em) => findMembership(em, communityId, userId));
  if (!found) throw new Error(`demo user ${userId} is not a member`);
  return { communityId, ...found, roles: effectiveRoles(found.granted) };
}
