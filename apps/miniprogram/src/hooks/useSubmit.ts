import { useState } from 'react';
import Taro from '@tarojs/taro';
import { toApiError } from './useAsync';

/**
 * A form dialog's one request: `busy` while it is on its way (a second tap does nothing), and if it fails a
 * modal titled `failedTitle` with the server's message, the dialog staying open to try again.
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
      await send();
    } catch (caught) {
      void Taro.showModal({ title: failedTitle, content: toApiError(caught).message, showCancel: false });
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
