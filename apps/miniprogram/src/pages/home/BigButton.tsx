import { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';

/** One of 长辈首页's large buttons: an icon with its words, never an icon alone. */
export function BigButton({
  icon,
  title,
  note,
  onClick,
}: {
  icon: ReactNode;
  title: string;
  note?: string;
  onClick: () => void;
}) {
  return (
    <View
      className="elderly-button"
      onClick={onClick}
      role="button"
      aria-label={note ? `${title}，${note}` : title}
    >
      <View className="elderly-button__icon">{icon}</View>
      <View className="elderly-button__text">
        <Text className="elderly-button__title">{title}</Text>
        {note ? <Text className="elderly-button__note">{note}</Text> : null}
      </View>
    </View>
  );
}
