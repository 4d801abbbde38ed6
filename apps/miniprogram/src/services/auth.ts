import Taro from '@tarojs/taro';
import { AuthResponse } from '@redvest/contract';
import { needsPrivacyConsent } from '../hooks/useMe';
import { api } from './api';
import { clearSession, HOME_PAGE, LOGIN_PAGE, PRIVACY_PAGE, setToken } from './session';

/** After a login: keep the token, then show the privacy notice first if the user has not agreed to this version. */
export async function completeLogin(auth: AuthResponse): Promise<void> {
  setToken(auth.token);
  const me = await api.me.get();
  await Taro.reLaunch({ url: needsPrivacyConsent(me) ? PRIVACY_PAGE : HOME_PAGE });
}

/** The mini-program's own login: wx.login's one-time code, exchanged by the server with WeChat. */
export async function loginWithWechat(): Promise<void> {
  const { code } = await Taro.login();
  await completeLogin(await api.auth.wechat({ code }));
}

export async function loginAsDemoUser(openid: string): Promise<void> {
  await completeLogin(await api.auth.devLogin({ openid }));
}

/**
 * 退出登录: the server revokes this device's token, then the device forgets it. Leaving always works: if the
 * server cannot be reached the token is still forgotten here (and expires by itself).
 */
export async function logout(): Promise<void> {
  await api.auth.logout().catch(() => undefined);
  clearSession();
  await Taro.reLaunch({ url: LOGIN_PAGE });
}

/** 退出所有设备: every token of this user stops working, on every phone; fails (and stays) if the server is not reached. */
export async function logoutEverywhere(): Promise<void> {
  await api.auth.logoutAll();
  clearSession();
  await Taro.reLaunch({ url: LOGIN_PAGE });
}
