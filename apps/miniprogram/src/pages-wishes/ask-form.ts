import { PostWishRequest, WISH_LIMITS, WishCategory } from '@redvest/contract';
import { cutToLength } from '@redvest/domain';

/** What 我要求助's three steps gather: a kind of help, what it is in words or by voice, and a yes. */
export interface AskForm {
  category?: WishCategory;
  description: string;
  /** The voice note's upload (语音说明). */
  voiceId?: string;
}

/** Said for the description when the resident only spoke: the reviewers and the claimer hear the voice note. */
export const VOICE_ONLY_DESCRIPTION = '请听语音说明';

/** Step 2 is done when there are words or a voice note; the words within the limit (the box keeps to it). */
export function askStepTwoProblem(form: AskForm): string | undefined {
  if (!form.description.trim() && !form.voiceId)
    return '请说一说需要什么帮助：写几个字，或者按“录音”说给我们听';
  return undefined;
}

/**
 * The wish to post. Its title is the description's first line cut to the title's limit (a resident is not
 * asked for a title as well), or the kind of help when they only spoke.
 */
export function askRequest(form: AskForm & { category: WishCategory }): PostWishRequest {
  const description = form.description.trim();
  const firstLine = description.split('\n')[0].trim();
  const title = firstLine
    ? cutToLength(firstLine, WISH_LIMITS.title.max).text
    : `${form.category}：${VOICE_ONLY_DESCRIPTION}`;
  return {
    title,
    description: description || VOICE_ONLY_DESCRIPTION,
    category: form.category,
    ...(form.voiceId ? { voiceId: form.voiceId } : {}),
  };
}
