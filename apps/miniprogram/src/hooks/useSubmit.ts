import { useState } from 'react';
import { ApiError } from '@redvest/api-client';
import { toApiError } from './useAsync';
import { showModal } from '../services/modal';

/** A failure that sending again may mend: no network, or the server (or a gateway before it) failing. */
export function mayGoThroughLater(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500;
}

const MAX_ATTEMPTS = 3;

/**
 * A form dialog's one request: `busy` while it is on its way (a second tap does nothing), and if it fails a
 * modal titled `failedTitle` with the server's message, the dialog staying open to try again; when the fault
 * was the network's or the server's, the modal offers 重试, which sends it again.
 */
export function useSubmit(failedTitle: string): {
  busy: boolean;
  submit: (send: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const submit = async (send: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await send();
          return;
        } catch (caught) {
          const error = toApiError(caught);
          // After a few tries in a row, later is better than now: the dialog stays open for that.
          const retry = mayGoThroughLater(error) && attempt < MAX_ATTEMPTS;
          const { confirm } = await showModal({
            title: failedTitle,
            content: error.message,
            showCancel: retry,
            ...(retry ? { confirmText: '重试', cancelText: '取消' } : {}),
          });
          if (!retry || !confirm) return;
        }
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
