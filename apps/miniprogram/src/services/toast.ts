import Taro from '@tarojs/taro';
import { elderlyModeNow } from './elderly-mode';

/** In 长辈模式 a toast stays long enough to be read slowly. */
export const ELDERLY_TOAST_MS = 5000;

/** Taro.showToast, held for at least 5 seconds in 长辈模式. Every toast of the app goes through here. */
export function showToast(options: Taro.showToast.Option): Promise<TaroGeneral.CallbackResult> {
  if (!elderlyModeNow()) return Taro.showToast(options);
  return Taro.showToast({ ...options, duration: Math.max(options.duration ?? 1500, ELDERLY_TOAST_MS) });
}
