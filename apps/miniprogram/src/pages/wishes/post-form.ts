import { PostWishRequest, WishCategory } from '@redvest/contract';
import { isValidPhone, normalisePhone } from '@redvest/domain';

/** What the server takes (PostWishDto). */
export const TITLE_MAX = 30;
export const DESCRIPTION_MAX = 500;
export const PLACE_MAX = 100;

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

/** Characters as people count them (an emoji is one), as the server does. */
export function charCount(text: string): number {
  return [...text].length;
}

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
  if (!title) errors.title = '请用一句话写下您的心愿';
  else if (charCount(title) > TITLE_MAX)
    errors.title = `标题最多 ${TITLE_MAX} 个字，现在有 ${charCount(title)} 个字，请删短一些`;
  if (!description) errors.description = '请说说需要什么帮助';
  else if (charCount(description) > DESCRIPTION_MAX) errors.description = `说明最多 ${DESCRIPTION_MAX} 个字`;
  if (charCount(place) > PLACE_MAX) errors.place = `地址最多 ${PLACE_MAX} 个字`;
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
