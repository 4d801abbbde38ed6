import { PropsWithChildren } from 'react';
import { View, Text } from '@tarojs/components';
import './Field.scss';

/** A form block whose control is not a text box (chips, a list to pick from): the Field look without its grey ground. */
export function FieldBlock({
  label,
  error,
  hint,
  children,
}: PropsWithChildren<{ label: string; error?: string; hint?: string }>) {
  return (
    <View className={`rv-field rv-field--block${error ? ' rv-field--error' : ''}`}>
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
