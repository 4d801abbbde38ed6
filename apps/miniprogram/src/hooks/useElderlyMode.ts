import { useEffect, useState } from 'react';
import { elderlyModeNow, onElderlyModeChange } from '../services/elderly-mode';

/** Whether 长辈模式 is on; the page redraws when it is switched. */
export function useElderlyMode(): boolean {
  const [on, setOn] = useState(elderlyModeNow);
  useEffect(() => onElderlyModeChange(setOn), []);
  return on;
}
