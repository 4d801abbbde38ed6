import { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import './FormDialog.scss';

/**
 * A centred dialog that asks for something before an action (a quantity, a reason): big 取消 and confirm
 * buttons; the confirm one spins while the request is on its way and the dialog stays open if it fails.
 */
export function FormDialog({
  title,
  confirmText,
  cancelText = '取消',
  busy,
  disabled,
  onConfirm,
  onCancel,
  children,
}: PropsWithChildren<{
  title: string;
  confirmText: string;
  cancelText?: string;
  busy?: boolean;
  disabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}>) {
  return (
    <Dialog
      visible
      title={title}
      className="rv-dialog"
      closeOnOverlayClick={false}
      onCancel={onCancel}
      onClose={onCancel}
      footer={
        <View className="rv-dialog__footer">
          <Button size="large" disabled={busy} onClick={onCancel}>
            {cancelText}
          </Button>
          <Button type="primary" size="large" loading={busy} disabled={disabled} onClick={onConfirm}>
            {confirmText}
          </Button>
        </View>
      }
    >
      <View className="rv-dialog__body">{children}</View>
    </Dialog>
  );
}
