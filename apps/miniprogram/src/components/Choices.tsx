import { View, Text } from '@tarojs/components';
import './Field.scss';
import './Choices.scss';

export interface Choice<K extends string> {
  key: K;
  label: string;
  /** A short line under the label, saying what the choice means. */
  note?: string;
}

/**
 * Pick one of a few: big bordered boxes (a radio group), the chosen one in the brand colour. Side by side,
 * or one per line (`column`) with a round mark, for choices that carry a note or weigh more (评价等次).
 */
export function Choices<K extends string>({
  label,
  items,
  value,
  column,
  onChange,
}: {
  label: string;
  items: readonly Choice<K>[];
  value: K | undefined;
  column?: boolean;
  onChange: (key: K) => void;
}) {
  return (
    <View className="rv-field">
      <Text className="rv-field__label">{label}</Text>
      <View
        className={`rv-choices${column ? ' rv-choices--column' : ''}`}
        role="radiogroup"
        aria-label={label}
      >
        {items.map((item) => {
          const on = value === item.key;
          return (
            <View
              key={item.key}
              role="radio"
              aria-checked={on}
              aria-label={item.label}
              className={`rv-choice${on ? ' rv-choice--on' : ''}`}
              onClick={() => onChange(item.key)}
            >
              {column ? <View className="rv-choice__mark" /> : null}
              <View className="rv-choice__text">
                <Text className="rv-choice__label">{item.label}</Text>
                {item.note ? <Text className="rv-choice__note">{item.note}</Text> : null}
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}
