import Taro from '@tarojs/taro';
import { ApiError } from '@redvest/api-client';
import { VisitRequest, VisitView } from '@redvest/contract';

/**
 * Visits recorded on a doorstep without a network (DESIGN §6): kept on the phone with the key the form was
 * given, shown as 待上传 on 我的包户 and sent again with the same key when the phone is online, so the
 * server records each visit once however often it is sent.
 */

const QUEUE_KEY = 'contact.offlineVisits';
/** A phone never needs more than a few dozen; the cap keeps a broken loop from filling the storage. */
const MAX_QUEUED = 50;

export interface QueuedVisit {
  /** The Idempotency-Key of the form, sent with every try. */
  key: string;
  householdId: string;
  /** What the list shows while the visit waits: `1栋 1单元 101`. */
  label: string;
  body: VisitRequest;
}

export type SendVisit = (householdId: string, body: VisitRequest, key: string) => Promise<VisitView>;

const listeners = new Set<() => void>();
let flushing: Promise<number> | null = null;

function notify(): void {
  listeners.forEach((listener) => listener());
}

/** Calls `listener` whenever the queue changes; returns the unsubscribe. */
export function subscribeOfflineVisits(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function queuedVisits(): QueuedVisit[] {
  const stored = Taro.getStorageSync(QUEUE_KEY) as unknown;
  return Array.isArray(stored)
    ? stored.filter((visit): visit is QueuedVisit =>
        Boolean(visit?.key && visit?.householdId && visit?.body?.visitedAt),
      )
    : [];
}

function save(visits: QueuedVisit[]): void {
  if (visits.length) Taro.setStorageSync(QUEUE_KEY, visits);
  else Taro.removeStorageSync(QUEUE_KEY);
}

/** Keeps a visit for later; the same form (same key) saved again replaces its earlier copy. */
export function queueVisit(visit: QueuedVisit): void {
  const others = queuedVisits().filter((queued) => queued.key !== visit.key);
  save([...others, visit].slice(-MAX_QUEUED));
  notify();
}

function removeVisit(key: string): void {
  save(queuedVisits().filter((visit) => visit.key !== key));
}

/** No network, the login expired, too many tries or the server in trouble: keep the visit and try later. */
export function tryLater(error: ApiError): boolean {
  return error.status === 0 || error.status === 401 || error.status === 429 || error.status >= 500;
}

/**
 * Sends the queued visits, oldest first, each with its own key. A visit leaves the queue when the server
 * answers it, yes or no; sending stops at the first "not now". Resolves to how many were recorded.
 */
export function sendQueuedVisits(send: SendVisit): Promise<number> {
  if (flushing) return flushing;
  const run = async (): Promise<number> => {
    let recorded = 0;
    for (const visit of queuedVisits()) {
      try {
        await send(visit.householdId, visit.body, visit.key);
        recorded += 1;
      } catch (caught) {
        const error = caught instanceof ApiError ? caught : new ApiError(0, 'NETWORK_ERROR', String(caught));
        if (tryLater(error)) break;
      }
      removeVisit(visit.key);
    }
    return recorded;
  };
  flushing = run().finally(() => {
    flushing = null;
    notify();
  });
  return flushing;
}

let watching = false;

/** Sends the queue whenever the phone comes back online, for as long as the app runs (set up once). */
export function watchNetworkForVisits(send: SendVisit): void {
  if (watching) return;
  watching = true;
  const online = () => {
    if (queuedVisits().length) void sendQueuedVisits(send);
  };
  Taro.onNetworkStatusChange?.((res) => {
    if (res.isConnected) online();
  });
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined')
    window.addEventListener('online', online);
}

/** For tests: forget what this module remembers between calls. */
export function resetOfflineVisitsForTest(): void {
  flushing = null;
  listeners.clear();
}
