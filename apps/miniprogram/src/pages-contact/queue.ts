import { useEffect, useState } from 'react';
import { api } from '../services/api';
import {
  QueuedVisit,
  queuedVisits,
  sendQueuedVisits,
  SendVisit,
  subscribeOfflineVisits,
  watchNetworkForVisits,
} from '../services/offline-visits';

export const sendVisit: SendVisit = (householdId, body, key) => api.contact.visit(householdId, body, key);

/** The visits waiting to be sent, kept current; sends them when the page opens and when the network returns. */
export function useQueuedVisits(onSent: () => void): QueuedVisit[] {
  const [queued, setQueued] = useState<QueuedVisit[]>(() => queuedVisits());
  useEffect(() => {
    const unsubscribe = subscribeOfflineVisits(() => setQueued(queuedVisits()));
    watchNetworkForVisits(sendVisit);
    if (queuedVisits().length) {
      void sendQueuedVisits(sendVisit).then((recorded) => {
        if (recorded) onSent();
      });
    }
    return unsubscribe;
  }, []);
  return queued;
}
