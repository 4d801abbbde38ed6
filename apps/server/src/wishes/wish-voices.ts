import { ErrorCode } from '@redvest/contract';
import { wishVoiceRefusalOnPost } from '@redvest/domain';
import { EntityManager, In } from 'typeorm';
import { DomainError, refusedWith } from '../common/domain-error';
import { isDuplicateKey } from '../database/db-errors';
import { Upload } from '../uploads/upload.entity';
import { WishVoice } from './wish-voice.entity';

/** 语音说明 a wish is posted with: checked (whose, a recording, on no other wish) and attached, in the post's transaction. */
export async function attachWishVoice(
  em: EntityManager,
  wishId: string,
  voiceId: string,
  poster: { userId: string; family: boolean; authorId: string },
): Promise<void> {
  const upload = await em.findOne(Upload, { where: { id: voiceId } });
  const used = upload ? await em.findOne(WishVoice, { where: { uploadId: voiceId } }) : null;
  const refusal = wishVoiceRefusalOnPost(
    upload && { ownerId: upload.ownerId, seconds: upload.seconds, usedByWishId: used?.wishId ?? null },
    poster,
  );
  if (refusal) throw refusedWith(refusal);
  try {
    await em.insert(WishVoice, { wishId, uploadId: voiceId });
  } catch (error) {
    // Two wishes posted at once with the same recording: the upload's unique key lets one have it.
    if (isDuplicateKey(error)) throw new DomainError(ErrorCode.VoiceAlreadyUsed);
    throw error;
  }
}

/** The recordings of these wishes: wish id → the upload and its length in seconds. */
export async function wishVoicesOf(
  em: EntityManager,
  wishIds: string[],
): Promise<Map<string, { uploadId: string; seconds: number }>> {
  if (wishIds.length === 0) return new Map();
  const links = await em.find(WishVoice, { where: { wishId: In(wishIds) } });
  if (links.length === 0) return new Map();
  const uploads = await em.find(Upload, {
    where: { id: In(links.map((l) => l.uploadId)) },
    select: { id: true, seconds: true },
  });
  const seconds = new Map(uploads.map((u) => [u.id, u.seconds ?? 0]));
  return new Map(
    links.map((l) => [l.wishId, { uploadId: l.uploadId, seconds: seconds.get(l.uploadId) ?? 0 }]),
  );
}
