import { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import './Field.scss';

/** One form field: its label, the control on a grey ground, and below it the error (red) or a hint. */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <View className={`rv-field${error ? ' rv-field--error' : ''}`}>
      <Text className="rv-field__label">{label}</Text>
      <View className="rv-field__control">{children}</View>
      {error ? (
        <Text className="rv-field__error">{error}</Text>
      ) : hint ? (
        <Text className="rv-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}
