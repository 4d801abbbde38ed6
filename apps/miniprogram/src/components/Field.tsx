import { PropsWithChildren } from 'react';
import { View, Text } from '@tarojs/components';
import './Field.scss';

type FieldProps = PropsWithChildren<{ label: string; error?: string; hint?: string }>;

function FieldFrame({ block, label, error, hint, children }: FieldProps & { block?: boolean }) {
  return (
    <View className={`rv-field${block ? ' rv-field--block' : ''}${error ? ' rv-field--error' : ''}`}>
      <Text className="rv-field__label">{label}</Text>
      {children}
      {error ? (
        <Text className="rv-field__error">{error}</Text>
      ) : hint ? (
        <Text className="rv-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}

/** One form field: its label, the control on a grey ground, and below it the error (red) or a hint. */
export function Field({ children, ...frame }: FieldProps) {
  return (
    <FieldFrame {...frame}>
      <View className="rv-field__control">{children}</View>
    </FieldFrame>
  );
}

/** A form block whose control is not a text box (chips, pickers, a list): Field without the grey ground. */
export function FieldBlock(props: FieldProps) {
  return <FieldFrame block {...props} />;
}
