import { PostWishRequest, WISH_LIMITS, WishCategory } from '@redvest/contract';
import { charCount, isValidPhone, normalisePhone } from '@redvest/domain';
import { checkText } from '../services/text-errors';

export { charCount };
export const TITLE_MAX = WISH_LIMITS.title.max;

export interface WishForm {
  category?: WishCategory;
  title: string;
  description: string;
  photos: string[];
  /** 语音说明: the uploaded recording. */
  voiceId?: string;
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
  checkText(errors, 'title', title, WISH_LIMITS.title, {
    blank: '请用一句话写下您的心愿',
    tooLong: (max) => `标题最多 ${max} 个字，现在有 ${charCount(title)} 个字，请删短一些`,
  });
  checkText(errors, 'description', description, WISH_LIMITS.description, {
    blank: '请说说需要什么帮助',
    tooLong: (max) => `说明最多 ${max} 个字`,
  });
  checkText(errors, 'place', place, WISH_LIMITS.place, { tooLong: (max) => `地址最多 ${max} 个字` });
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
      ...(form.voiceId ? { voiceId: form.voiceId } : {}),
      ...(form.desiredDate ? { desiredDate: form.desiredDate } : {}),
      ...(place ? { place } : {}),
      ...(phone ? { contactPhone: normalisePhone(phone) } : {}),
      ...(forResident && form.onBehalfOf ? { onBehalfOf: form.onBehalfOf } : {}),
    },
  };
}
