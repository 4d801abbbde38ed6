import { WishAction } from '@redvest/contract';
import { EntityManager } from 'typeorm';
import { Membership } from '../communities/membership.entity';
import { newId } from '../database/ids';
import { Notice } from '../notifications/notifications.service';
import { WishEvent } from './wish-event.entity';
import { WishPhotoLink } from './wish-photo.entity';
import { Wish } from './wish.entity';

/** One line of the wish's timeline. */
export async function recordWishEvent(
  em: EntityManager,
  wishId: string,
  action: WishAction | 'post',
  actorId: string | null,
  note: string | null,
  asFamily = false,
): Promise<void> {
  await em.insert(WishEvent, { id: newId(), wishId, action, actorId, note, asFamily, createdAt: new Date() });
}

export async function linkWishPhotos(
  em: EntityManager,
  wishId: string,
  photos: string[],
  kind: 'wish' | 'fulfilment',
): Promise<void> {
  for (const [position, uploadId] of [...new Set(photos)].entries())
    await em.insert(WishPhotoLink, { wishId, uploadId, kind, position });
}

/** The secretaries and the branch secretaries of the wish's compound, each told `text`. */
export async function reviewerNotices(
  em: EntityManager,
  wish: Wish,
  text: { title: string; body: string; status: string },
): Promise<Notice[]> {
  const rows = await em
    .createQueryBuilder(Membership, 'm')
    .innerJoin('membership_roles', 'r', 'r.membership_id = m.id')
    .where('m.community_id = :cid', { cid: wish.communityId })
    .andWhere("(r.role = 'secretary' OR (r.role = 'branch_secretary' AND r.compound_id = :compound))", {
      compound: wish.compoundId ?? '',
    })
    .select('DISTINCT m.user_id', 'userId')
    .getRawMany<{ userId: string }>();
  return rows.map(({ userId }) => ({ userId, communityId: wish.communityId, wishId: wish.id, ...text }));
}
