import { useState } from 'react';
import { MeResponse } from '@redvest/contract';
import { api } from '../services/api';
import { rememberElderlyMode } from '../services/elderly-mode';
import { showToast } from '../services/toast';
import { toApiError } from './useAsync';

/** Switches 长辈模式 on the server (it follows the user to any phone) and redraws the app in it. */
export function useElderlySetting(onSaved: (me: MeResponse) => void) {
  const [saving, setSaving] = useState(false);
  const choose = async (elderlyMode: boolean) => {
    setSaving(true);
    try {
      const me = await api.me.updateSettings({ elderlyMode });
      rememberElderlyMode(me.settings.elderlyMode);
      onSaved(me);
      void showToast({ title: elderlyMode ? '已开启长辈模式' : '已关闭长辈模式', icon: 'none' });
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setSaving(false);
    }
  };
  return { saving, choose };
}
