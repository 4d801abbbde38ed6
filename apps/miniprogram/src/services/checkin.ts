import Taro from '@tarojs/taro';
import { ApiError } from '@redvest/api-client';
import { CheckinRequest, CheckinResponse, ERROR_CATALOG, ErrorCode, PATTERNS } from '@redvest/contract';
import { toApiError } from '../hooks/useAsync';
import { api } from './api';
import { queuedScans, queueScan, QueuedScan, SentScan, sendQueuedScans, watchNetwork } from './offline-scans';

const TOKEN = PATTERNS.checkinToken;

/**
 * The token in what a QR code or a pasted text holds: the bare token, or a link or mini-program path that
 * carries it as `scene=`. Null when it is not a check-in code at all (then nothing is sent, so a wrong QR
 * does not count against the user's rate limit).
 */
export function readCheckinToken(text: string | undefined | null): string | null {
  const trimmed = (text ?? '').trim();
  if (TOKEN.test(trimmed)) return trimmed;
  const scene = /[?&]scene=([^&#\s]+)/.exec(trimmed)?.[1];
  if (!scene) return null;
  let decoded = scene;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    // keep it as it was
  }
  return TOKEN.test(decoded) ? decoded : null;
}

export const NOT_A_CHECKIN_CODE = ERROR_CATALOG[ErrorCode.CheckinCodeInvalid].message;

/** Where the phone is, in GCJ-02 as the server's distance check wants; an error the user can act on if not. */
async function locate(): Promise<{ latitude: number; longitude: number }> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { latitude, longitude };
  } catch {
    throw new ApiError(
      422,
      ErrorCode.LocationRequired,
      '本活动需要核对位置才能签到。请在手机设置中允许微信使用位置信息，再扫一次码。',
    );
  }
}

/**
 * Sends one scan. An activity that checks the place answers LOCATION_REQUIRED to a scan without a position:
 * then the position is asked for (WeChat shows its permission prompt once) and the scan sent again with it.
 */
export async function sendCheckin(body: CheckinRequest): Promise<CheckinResponse> {
  try {
    return await api.checkins.scan(body);
  } catch (caught) {
    const error = toApiError(caught);
    if (error.code !== ErrorCode.LocationRequired || body.latitude !== undefined) throw error;
    return api.checkins.scan({ ...body, ...(await locate()) });
  }
}

/** The position if WeChat already lets the app read it, without asking: for a scan kept for later. */
async function positionIfAllowed(): Promise<{ latitude?: number; longitude?: number }> {
  if (process.env.TARO_ENV !== 'weapp') return {};
  try {
    const { authSetting } = await Taro.getSetting();
    if (!authSetting['scope.userLocation']) return {};
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000));
    const { latitude, longitude } = await Promise.race([Taro.getLocation({ type: 'gcj02' }), timeout]);
    return { latitude, longitude };
  } catch {
    return {};
  }
}

const LAST_KEY = 'checkin.last';

/** The last answer to a scan, for the result page, and the token it was sent with (H5 checks out with it). */
export interface LastCheckin {
  result: CheckinResponse;
  token: string;
}

export function rememberCheckin(last: LastCheckin): void {
  Taro.setStorageSync(LAST_KEY, last);
}

export function lastCheckin(): LastCheckin | null {
  const last = Taro.getStorageSync(LAST_KEY) as LastCheckin | '';
  return last && typeof last === 'object' && last.result ? last : null;
}

export type ScanOutcome =
  | { kind: 'done'; result: CheckinResponse }
  | { kind: 'queued'; scan: QueuedScan }
  | { kind: 'refused'; error: ApiError };

/**
 * 扫码签到 or 签退 with one token. Without a network the scan is kept with the time it was made and sent when
 * the phone is online again (DESIGN §3, offline scans); any answer of the server is final.
 */
export async function checkIn(token: string, intent?: 'check_out'): Promise<ScanOutcome> {
  const scannedAt = new Date().toISOString();
  try {
    const result = await sendCheckin({ token, ...(intent ? { intent } : {}) });
    rememberCheckin({ result, token });
    return { kind: 'done', result };
  } catch (caught) {
    const error = toApiError(caught);
    if (error.status !== 0) return { kind: 'refused', error };
    const scan = queueScan({
      token,
      scannedAt,
      ...(intent ? { intent } : {}),
      ...(await positionIfAllowed()),
    });
    return { kind: 'queued', scan };
  }
}

/** What happened, in the words the result page and the 待上传 list use. */
export const ACTION_TITLES: Record<CheckinResponse['action'], string> = {
  checked_in: '签到成功',
  already_checked_in: '已签到',
  checked_out: '签退成功',
};

/** What the camera saw: a check-in token, something else (with what to tell the user), or nothing (closed). */
export type CameraScan = { token: string } | { problem: string } | null;

/**
 * WeChat's scanner, from the camera only (a screenshot of a rotating code sent by a friend should not work).
 * A WeChat mini-program code of ours comes back with its `path`, which carries the token as `scene`.
 */
export async function scanWithWechat(): Promise<CameraScan> {
  let res: Taro.scanCode.SuccessCallbackResult;
  try {
    res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
  } catch {
    return null;
  }
  // On H5 without WeChat's JS-SDK the call resolves without a result.
  if (!res.result && !res.path) return { problem: '当前环境无法打开扫码，请在微信中使用' };
  const token = readCheckinToken(res.result) ?? readCheckinToken(res.path);
  return token ? { token } : { problem: NOT_A_CHECKIN_CODE };
}

/** Sends what waits in the offline queue now. */
export function sendOfflineScans(): Promise<SentScan[]> {
  return sendQueuedScans(sendCheckin);
}

/** At launch: send what waits from last time, and again whenever the network comes back. */
export function startOfflineScanSync(): void {
  watchNetwork(sendCheckin);
  if (queuedScans().length) void sendOfflineScans();
}

const PENDING_KEY = 'checkin.pending';
const CHECKOUT_MODE_KEY = 'checkin.checkoutMode';
/** A code scanned before logging in is still checked in after the login, if it is this fresh. */
const PENDING_FOR_MS = 30 * 60_000;

/** A WeChat code opened the app before the user logged in: keep its token for after the login. */
export function keepPendingScan(token: string): void {
  Taro.setStorageSync(PENDING_KEY, { token, at: Date.now() });
}

/** The token kept before the login, once (it is forgotten when taken). */
export function takePendingScan(): string | null {
  const pending = Taro.getStorageSync(PENDING_KEY) as { token?: string; at?: number } | '';
  if (!pending) return null;
  Taro.removeStorageSync(PENDING_KEY);
  return pending.token && pending.at && Date.now() - pending.at < PENDING_FOR_MS ? pending.token : null;
}

/** 签退 asked for on the result page, to be done on the 扫码 page with a new code (the old one expired). */
export function setCheckoutMode(on: boolean): void {
  if (on) Taro.setStorageSync(CHECKOUT_MODE_KEY, true);
  else Taro.removeStorageSync(CHECKOUT_MODE_KEY);
}

export function checkoutModeOn(): boolean {
  return Taro.getStorageSync(CHECKOUT_MODE_KEY) === true;
}
