import { EntityManager } from 'typeorm';
import { Invitation } from './invitation.entity';

/**
 * The person's membership began another way (the invite code), was settled (verified, given roles) or ended:
 * an invitation still waiting for their answer is overtaken, and can no longer be accepted. Inside the caller's
 * transaction, so it closes together with the change that overtook it.
 */
export async function closePendingInvitation(em: EntityManager, communityId: string, userId: string) {
  await em.update(
    Invitation,
    { communityId, userId, status: 'pending' },
    { status: 'closed', answeredAt: new Date() },
  );
}
