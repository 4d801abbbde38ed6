import Taro from '@tarojs/taro';

/**
 * 长辈模式 on this phone. The setting lives on the server (`GET /api/me` carries it); a copy is kept here so a
 * page opened later draws in the right mode from its first frame, before any request.
 */
const STORAGE_KEY = 'elderlyMode';
const CHANGED = 'rv:elderly-mode';

export function elderlyModeNow(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === true;
  } catch {
    return false;
  }
}

/** Records the mode the server gave and redraws every page that is open. */
export function rememberElderlyMode(on: boolean): void {
  markBody(on);
  if (elderlyModeNow() === on) return;
  Taro.setStorageSync(STORAGE_KEY, on);
  Taro.eventCenter.trigger(CHANGED, on);
}

export function onElderlyModeChange(listener: (on: boolean) => void): () => void {
  Taro.eventCenter.on(CHANGED, listener);
  return () => Taro.eventCenter.off(CHANGED, listener);
}

/** H5 draws toasts and dialogs outside the page: they take the mode's sizes from a class on <body>. */
function markBody(on: boolean): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined')
    document.body.classList.toggle('rv-elderly', on);
}

export function markBodyWithStoredMode(): void {
  markBody(elderlyModeNow());
}
