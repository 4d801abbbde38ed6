import { PostWishRequest, WISH_LIMITS, WishCategory } from '@redvest/contract';
import { charCount, isValidPhone, normalisePhone, textProblem } from '@redvest/domain';

export { charCount };
export const TITLE_MAX = WISH_LIMITS.title.max;
const DESCRIPTION_MAX = WISH_LIMITS.description.max;
const PLACE_MAX = WISH_LIMITS.place.max;

/** A character that cannot be stored or shown (pasted from elsewhere). */
const UNSAFE = '含有无法显示的字符，请删掉后重新输入';

export interface WishForm {
  category?: WishCategory;
  title: string;
  description: string;
  photos: string[];
  desiredDate?: string;
  place: string;
  contactPhone: string;
  /** 代居民发布: the resident a secretary posts for. */
  onBehalfOf?: string;
}

export type WishFormErrors = Partial<
  Record<'category' | 'title' | 'description' | 'place' | 'contactPhone' | 'onBehalfOf', string>
>;

/** Checks the form the way the server will, in plain words; the request only when nothing is wrong. */
export function validateWish(
  form: WishForm,
  forResident: boolean,
): { errors: WishFormErrors; request?: PostWishRequest } {
  const errors: WishFormErrors = {};
  const title = form.title.trim();
  const description = form.description.trim();
  const place = form.place.trim();
  const phone = form.contactPhone.trim();
  if (!form.category) errors.category = '请选一个心愿类别';
  const titleProblem = textProblem(title, WISH_LIMITS.title);
  if (titleProblem === 'required') errors.title = '请用一句话写下您的心愿';
  else if (titleProblem === 'too_long')
    errors.title = `标题最多 ${TITLE_MAX} 个字，现在有 ${charCount(title)} 个字，请删短一些`;
  else if (titleProblem) errors.title = UNSAFE;
  const descriptionProblem = textProblem(description, WISH_LIMITS.description);
  if (descriptionProblem === 'required') errors.description = '请说说需要什么帮助';
  else if (descriptionProblem === 'too_long') errors.description = `说明最多 ${DESCRIPTION_MAX} 个字`;
  else if (descriptionProblem) errors.description = UNSAFE;
  const placeProblem = textProblem(place, WISH_LIMITS.place);
  if (placeProblem === 'too_long') errors.place = `地址最多 ${PLACE_MAX} 个字`;
  else if (placeProblem) errors.place = UNSAFE;
  if (phone && !isValidPhone(phone)) errors.contactPhone = '请填写正确的手机号或座机号';
  if (forResident && !form.onBehalfOf) errors.onBehalfOf = '请选择要代发的居民';
  if (Object.keys(errors).length || !form.category) return { errors };
  return {
    errors,
    request: {
      title,
      description,
      category: form.category,
      ...(form.photos.length ? { photos: form.photos } : {}),
      ...(form.desiredDate ? { desiredDate: form.desiredDate } : {}),
      ...(place ? { place } : {}),
      ...(phone ? { contactPhone: normalisePhone(phone) } : {}),
      ...(forResident && form.onBehalfOf ? { onBehalfOf: form.onBehalfOf } : {}),
    },
  };
}
