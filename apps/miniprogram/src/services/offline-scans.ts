import Taro from '@tarojs/taro';
import { ApiError } from '@redvest/api-client';
import { CheckinRequest, CheckinResponse } from '@redvest/contract';

/**
 * Scans made without a network (DESIGN §3): kept on the phone with the time they were made and sent when it
 * is online again. The server accepts such a scan if the code was valid at `scannedAt` and it arrives before
 * the activity's end plus the grace; its points then wait for a secretary (marked 离线).
 */

const QUEUE_KEY = 'checkin.offlineScans';
/** A phone never needs more than a few; the cap keeps a broken loop from filling the storage. */
const MAX_QUEUED = 20;
/** How many sent scans the 扫码 page still shows, newest first. */
const MAX_RECENT = 5;

export interface QueuedScan {
  id: string;
  token: string;
  /** When the code was scanned (ISO 8601), sent as it was. */
  scannedAt: string;
  intent?: 'check_out';
  latitude?: number;
  longitude?: number;
}

/** A queued scan that got its answer: the check-in, or why the server refused it. */
export interface SentScan {
  scan: QueuedScan;
  result?: CheckinResponse;
  error?: ApiError;
}

export type SendScan = (request: CheckinRequest) => Promise<CheckinResponse>;

const listeners = new Set<() => void>();
let recent: SentScan[] = [];
let flushing: Promise<SentScan[]> | null = null;

function notify(): void {
  listeners.forEach((listener) => listener());
}

/** Calls `listener` whenever the queue, the sent scans or the sending state change; returns the unsubscribe. */
export function subscribeOfflineScans(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function queuedScans(): QueuedScan[] {
  const stored = Taro.getStorageSync(QUEUE_KEY) as unknown;
  return Array.isArray(stored)
    ? stored.filter((scan): scan is QueuedScan => Boolean(scan?.id && scan?.token && scan?.scannedAt))
    : [];
}

function save(scans: QueuedScan[]): void {
  if (scans.length) Taro.setStorageSync(QUEUE_KEY, scans);
  else Taro.removeStorageSync(QUEUE_KEY);
}

/** Keeps a scan for later. The same code scanned again (people tap twice) is kept once, at its first time. */
export function queueScan(scan: Omit<QueuedScan, 'id'>): QueuedScan {
  const scans = queuedScans();
  const same = scans.find((queued) => queued.token === scan.token && queued.intent === scan.intent);
  if (same) return same;
  const queued: QueuedScan = { id: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, ...scan };
  save([...scans, queued].slice(-MAX_QUEUED));
  notify();
  return queued;
}

function removeScan(id: string): void {
  save(queuedScans().filter((scan) => scan.id !== id));
}

/** Scans sent from the queue lately, newest first, with their answers. */
export function recentlySent(): SentScan[] {
  return recent;
}

export function isSending(): boolean {
  return flushing !== null;
}

/**
 * An answer that says "not now" rather than "no": no network, the login expired (the scan is sent after the
 * next login), too many tries, or the server in trouble. The scan stays queued; any other answer is final.
 */
function tryLater(error: ApiError): boolean {
  return error.status === 0 || error.status === 401 || error.status === 429 || error.status >= 500;
}

function toRequest(scan: QueuedScan): CheckinRequest {
  const { token, scannedAt, intent, latitude, longitude } = scan;
  return {
    token,
    scannedAt,
    ...(intent ? { intent } : {}),
    ...(latitude !== undefined && longitude !== undefined ? { latitude, longitude } : {}),
  };
}

/**
 * Sends the queued scans, oldest first, each with its own `scannedAt`. A scan leaves the queue when the
 * server answers it, yes or no; sending stops at the first "not now". One sending at a time: a second call
 * while one runs gets the same result.
 */
export function sendQueuedScans(send: SendScan): Promise<SentScan[]> {
  if (flushing) return flushing;
  const run = async (): Promise<SentScan[]> => {
    const sent: SentScan[] = [];
    const ordered = [...queuedScans()].sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
    for (const scan of ordered) {
      try {
        const result = await send(toRequest(scan));
        removeScan(scan.id);
        sent.push({ scan, result });
      } catch (caught) {
        const error = caught instanceof ApiError ? caught : new ApiError(0, 'NETWORK_ERROR', String(caught));
        if (tryLater(error)) break;
        removeScan(scan.id);
        sent.push({ scan, error });
      }
    }
    if (sent.length) recent = [...sent.reverse(), ...recent].slice(0, MAX_RECENT);
    return sent;
  };
  flushing = run().finally(() => {
    flushing = null;
    notify();
  });
  notify();
  return flushing;
}

let watching = false;

/** Sends the queue whenever the phone comes back online, for as long as the app runs (set up once). */
export function watchNetwork(send: SendScan): void {
  if (watching) return;
  watching = true;
  const online = () => {
    if (queuedScans().length) void sendQueuedScans(send);
  };
  Taro.onNetworkStatusChange?.((res) => {
    if (res.isConnected) online();
  });
  // Taro's H5 network event needs the Network Information API, which many browsers lack.
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined')
    window.addEventListener('online', online);
}

/** For tests: forget what this module remembers between calls. */
export function resetOfflineScansForTest(): void {
  recent = [];
  flushing = null;
  listeners.clear();
}
