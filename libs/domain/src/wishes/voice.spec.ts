import { ErrorCode, WishStatus } from '@redvest/contract';
import { WishActor } from './state-machine';
import { mayHearWishVoice, wishVoiceRefusal, wishVoiceRefusalOnPost } from './voice';

const as = (...actors: WishActor[]) => new Set(actors);

describe('语音说明: who hears a wish’s recording', () => {
  it('plays it to the author, their family, the claimer and the reviewers, and to no other member', () => {
    for (const actor of ['author', 'family', 'claimer', 'reviewer'] as const)
      expect(mayHearWishVoice(as(actor))).toBe(true);
    expect(mayHearWishVoice(as('member'))).toBe(false);
    expect(mayHearWishVoice(as())).toBe(false);
  });

  it('hides an unseen wish, refuses a seen one to others, and says when there is nothing to hear', () => {
    expect(wishVoiceRefusal(WishStatus.PendingReview, as('member'), true)).toEqual({
      error: ErrorCode.WishNotFound,
    });
    expect(wishVoiceRefusal(WishStatus.Published, as('member'), true)).toEqual({
      error: ErrorCode.WishVoiceForbidden,
    });
    expect(wishVoiceRefusal(WishStatus.Published, as('author'), false)).toEqual({
      error: ErrorCode.WishVoiceNotFound,
    });
    expect(wishVoiceRefusal(WishStatus.Claimed, as('claimer', 'member'), true)).toBeNull();
  });
});

describe('posting a wish with a recording', () => {
  const mine = { ownerId: 'me', seconds: 12, usedByWishId: null };
  const poster = { userId: 'me', family: false, authorId: 'me' };

  it('takes the poster’s own recording, or the resident’s when their family posts', () => {
    expect(wishVoiceRefusalOnPost(mine, poster)).toBeNull();
    const residents = { ...mine, ownerId: 'gran' };
    expect(wishVoiceRefusalOnPost(residents, { userId: 'me', family: true, authorId: 'gran' })).toBeNull();
    // A secretary posting for a resident (代发) attaches only what they recorded themselves.
    expect(wishVoiceRefusalOnPost(residents, { userId: 'me', family: false, authorId: 'gran' })).toEqual({
      error: ErrorCode.VoiceNotFound,
    });
  });

  it('refuses someone else’s upload, a photo, a missing one and one already on a wish', () => {
    expect(wishVoiceRefusalOnPost({ ...mine, ownerId: 'other' }, poster)).toEqual({
      error: ErrorCode.VoiceNotFound,
    });
    expect(wishVoiceRefusalOnPost(null, poster)).toEqual({ error: ErrorCode.VoiceNotFound });
    expect(wishVoiceRefusalOnPost({ ...mine, seconds: null }, poster)).toEqual({
      error: ErrorCode.VoiceNotRecording,
    });
    expect(wishVoiceRefusalOnPost({ ...mine, usedByWishId: 'w1' }, poster)).toEqual({
      error: ErrorCode.VoiceAlreadyUsed,
    });
  });
});
