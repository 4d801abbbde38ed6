import { View, Text } from '@tarojs/components';
import { Star, StarF } from '@nutui/icons-react-taro';
import './wishes.scss';

const WORDS = ['', '不太满意', '一般', '还可以', '满意', '非常满意'];

/** Five big stars to tap (1–5), with the rating said in words under them. `readOnly` just shows a rating. */
export function StarRating({
  value,
  onChange,
  readOnly,
  size = 36,
}: {
  value: number;
  onChange?: (value: number) => void;
  readOnly?: boolean;
  size?: number;
}) {
  return (
    <View className={`star-rating${readOnly ? ' star-rating--read-only' : ''}`}>
      <View className="star-rating__stars" role={readOnly ? 'img' : 'radiogroup'} aria-label={`${value} 星`}>
        {[1, 2, 3, 4, 5].map((star) => (
          <View
            key={star}
            className="star-rating__star"
            role={readOnly ? undefined : 'radio'}
            aria-checked={readOnly ? undefined : star === value}
            aria-label={`${star} 星`}
            onClick={() => !readOnly && onChange?.(star)}
          >
            {star <= value ? <StarF size={size} color="#f5a623" /> : <Star size={size} color="#c9ccd1" />}
          </View>
        ))}
      </View>
      {value ? <Text className="star-rating__word">{WORDS[value]}</Text> : null}
    </View>
  );
}
