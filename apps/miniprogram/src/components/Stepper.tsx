import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Minus, Plus } from '@nutui/icons-react-taro';
import './Stepper.scss';

/** A quantity with big − and + buttons (no keyboard: nothing to mistype). */
export function Stepper({
  value,
  min,
  max,
  disabled,
  onChange,
}: {
  value: number;
  min: number;
  max: number;
  disabled?: boolean;
  onChange: (value: number) => void;
}) {
  return (
    <View className="rv-stepper">
      <Button
        className="rv-stepper__button"
        aria-label="减少"
        disabled={disabled || value <= min}
        icon={<Minus size={20} />}
        onClick={() => onChange(Math.max(min, value - 1))}
      />
      <Text className="rv-stepper__value" aria-live="polite">
        {value}
      </Text>
      <Button
        className="rv-stepper__button"
        aria-label="增加"
        disabled={disabled || value >= max}
        icon={<Plus size={20} />}
        onClick={() => onChange(Math.min(max, value + 1))}
      />
    </View>
  );
}
