import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { sendOfflineScans, startOfflineScanSync } from '../services/checkin';
import {
  isSending,
  queuedScans,
  QueuedScan,
  recentlySent,
  SentScan,
  subscribeOfflineScans,
} from '../services/offline-scans';

/** H5 has no dependable "back online" event everywhere: while scans wait, try again this often. */
const RETRY_MS = 30_000;

export interface OfflineScans {
  /** Scans waiting to be sent (待上传), oldest first. */
  queued: QueuedScan[];
  /** Scans sent from the queue lately, with the server's answer, newest first. */
  sent: SentScan[];
  sending: boolean;
  send: () => void;
}

function snapshot() {
  return { queued: queuedScans(), sent: recentlySent(), sending: isSending() };
}

/** The offline queue for a page: what waits and what was sent; sends when the page shows and when online. */
export function useOfflineScans(): OfflineScans {
  const [state, setState] = useState(snapshot);
  const send = () => void sendOfflineScans();

  useEffect(() => {
    const unsubscribe = subscribeOfflineScans(() => setState(snapshot()));
    startOfflineScanSync();
    return unsubscribe;
  }, []);

  useDidShow(() => {
    setState(snapshot());
    if (queuedScans().length) send();
  });

  const waiting = state.queued.length > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(send, RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting]);

  return { ...state, send };
}
