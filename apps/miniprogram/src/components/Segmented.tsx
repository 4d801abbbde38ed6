import { View } from '@tarojs/components';

/** Two or three big tabs at the top of a list (the app's `.rv-segmented` look). */
export function Segmented<K extends string>({
  items,
  value,
  onChange,
}: {
  items: readonly { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
}) {
  return (
    <View className="rv-segmented" role="tablist">
      {items.map((item) => (
        <View
          key={item.key}
          role="tab"
          aria-selected={value === item.key}
          className={`rv-segmented__item${value === item.key ? ' rv-segmented__item--active' : ''}`}
          onClick={() => value !== item.key && onChange(item.key)}
        >
          {item.label}
        </View>
      ))}
    </View>
  );
}
