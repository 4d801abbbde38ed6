import { Text } from '@tarojs/components';
import { WishView } from '@redvest/contract';

/** 由家人 X 代为发布 / 代为确认: what a linked family member did for the resident (家人代办), if anything. */
export function familyActedWords(wish: WishView): string[] {
  return [
    ...(wish.postedByFamily ? [`由家人 ${wish.postedByFamily} 代为发布`] : []),
    ...(wish.confirmedByFamily ? [`由家人 ${wish.confirmedByFamily} 代为确认`] : []),
  ];
}

/** The lines under a wish card for the resident and the reviewers; nothing when no family member acted. */
export function FamilyActed({ wish }: { wish: WishView }) {
  return (
    <>
      {familyActedWords(wish).map((words) => (
        <Text key={words} className="wish-list__note">
          {words}
        </Text>
      ))}
    </>
  );
}
