import Taro from '@tarojs/taro';

/** What the app keeps on the device between launches. */
const TOKEN_KEY = 'token';
const COMMUNITY_KEY = 'communityId';

export const LOGIN_PAGE = '/pages/login/index';
export const PRIVACY_PAGE = '/pages/privacy/index';
export const HOME_PAGE = '/pages/home/index';

export function getToken(): string | null {
  const token = Taro.getStorageSync(TOKEN_KEY);
  return typeof token === 'string' && token ? token : null;
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(COMMUNITY_KEY);
}

/** The community the home page shows, for users who belong to more than one. */
export function getCurrentCommunityId(): string | null {
  const id = Taro.getStorageSync(COMMUNITY_KEY);
  return typeof id === 'string' && id ? id : null;
}

export function setCurrentCommunityId(id: string): void {
  Taro.setStorageSync(COMMUNITY_KEY, id);
}

let leaving = false;

/** The token is missing or expired: forget it and start again at the login page (once, however many calls fail). */
export function goToLogin(): void {
  clearSession();
  if (leaving) return;
  leaving = true;
  Promise.resolve(Taro.reLaunch({ url: LOGIN_PAGE }))
    .catch(() => undefined)
    .finally(() => {
      leaving = false;
    });
}
