import { ErrorCode, WishStatus } from '@redvest/contract';
import { Refusal, refuse } from '../refusal';
import { wishVisibleTo } from './actors';
import { WishActor } from './state-machine';

/**
 * 语音说明: who may hear a wish's recording. The author and their linked family, the claimer while the claim is
 * theirs, and the reviewers; the wall and the other members only learn that there is one.
 */
export function mayHearWishVoice(actors: ReadonlySet<WishActor>): boolean {
  return actors.has('author') || actors.has('family') || actors.has('claimer') || actors.has('reviewer');
}

/** Listening to a wish's recording: an unseen wish does not exist, a seen one is not for everyone's ears. */
export function wishVoiceRefusal(
  status: WishStatus,
  actors: ReadonlySet<WishActor>,
  hasVoice: boolean,
): Refusal | null {
  if (!wishVisibleTo(status, actors)) return refuse(ErrorCode.WishNotFound);
  if (!mayHearWishVoice(actors)) return refuse(ErrorCode.WishVoiceForbidden);
  if (!hasVoice) return refuse(ErrorCode.WishVoiceNotFound);
  return null;
}

/** The recording a wish is posted with, as found: its owner, its length (null: a photo), the wish it is on. */
export interface WishVoiceFacts {
  ownerId: string;
  seconds: number | null;
  usedByWishId: string | null;
}

/**
 * Whose recording a poster may attach: their own, or, when a linked family member posts for a resident
 * (家人代办), the resident's too. Someone else's upload reads as not found; a photo is not a recording; a
 * recording belongs to one wish.
 */
export function wishVoiceRefusalOnPost(
  voice: WishVoiceFacts | null,
  poster: { userId: string; family: boolean; authorId: string },
): Refusal | null {
  const owners = poster.family ? [poster.userId, poster.authorId] : [poster.userId];
  if (!voice || !owners.includes(voice.ownerId)) return refuse(ErrorCode.VoiceNotFound);
  if (voice.seconds === null) return refuse(ErrorCode.VoiceNotRecording);
  if (voice.usedByWishId !== null) return refuse(ErrorCode.VoiceAlreadyUsed);
  return null;
}
