import { useState } from 'react';
import { View, Text } from '@tarojs/components';

import { FormDialog } from './FormDialog';
import './ReasonDialog.scss';
import { TextBox } from './TextBox';

/**
 * Asks for a reason before an action (取消活动, 同意 or 不同意 an update): common reasons as one-tap chips, or
 * typed; the confirm button stays disabled until there is one.
 */
export function ReasonDialog({
  title,
  prompt,
  confirmText,
  presets = [],
  maxLength = 100,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  prompt: string;
  confirmText: string;
  presets?: readonly string[];
  maxLength?: number;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  return (
    <FormDialog
      title={title}
      confirmText={confirmText}
      busy={busy}
      disabled={!trimmed}
      onConfirm={() => trimmed && onConfirm(trimmed)}
      onCancel={onCancel}
    >
      <Text className="reason-dialog__prompt">{prompt}</Text>
      {presets.length ? (
        <View className="reason-dialog__chips">
          {presets.map((text) => (
            <View
              key={text}
              role="button"
              className={`rv-chip${trimmed === text ? ' rv-chip--selected' : ''}`}
              onClick={() => setReason(text)}
            >
              {text}
            </View>
          ))}
        </View>
      ) : null}
      <View className="reason-dialog__input">
        <TextBox
          value={reason}
          placeholder={presets.length ? '也可以自己写' : '请填写原因'}
          maxLength={maxLength}
          onChange={setReason}
        />
      </View>
    </FormDialog>
  );
}
