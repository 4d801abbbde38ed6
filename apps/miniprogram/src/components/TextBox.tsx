import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { cutToLength } from '@redvest/domain';
import './TextBox.scss';

/**
 * The native box takes more than `maxLength` so that a longer paste reaches us whole and we can say it was
 * cut; a native limit of exactly `maxLength` would cut it silently.
 */
const NATIVE_LIMIT = 20000;

/**
 * A multi-line text box: an outlined box that grows with its text (weapp's auto-height; on H5 the rows follow
 * the lines) up to a height, then scrolls inside; under it how many characters of `maxLength` are used, and
 * when a paste was longer, that it was cut.
 */
export function TextBox({
  value,
  onChange,
  maxLength,
  placeholder,
  className,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  placeholder?: string;
  className?: string;
  /** For screen readers when no visible label names the box. */
  label?: string;
}) {
  const [cutFrom, setCutFrom] = useState<number | null>(null);
  return (
    <View className={`rv-textbox${className ? ` ${className}` : ''}`}>
      <TextArea
        value={value}
        placeholder={placeholder}
        maxLength={NATIVE_LIMIT}
        autoSize
        aria-label={label}
        onChange={(typed) => {
          const { text, cut } = cutToLength(typed, maxLength);
          setCutFrom(cut ? [...typed].length : null);
          onChange(text);
        }}
      />
      <View className="rv-textbox__foot">
        {cutFrom !== null ? (
          <View className="rv-textbox__cut" role="alert">
            粘贴的内容有 {cutFrom} 字，最多 {maxLength} 字，已只保留前 {maxLength} 字
          </View>
        ) : null}
        <Text className="rv-textbox__count">
          {[...value].length}/{maxLength}
        </Text>
      </View>
    </View>
  );
}
