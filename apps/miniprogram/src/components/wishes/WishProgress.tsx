import { View, Text } from '@tarojs/components';
import { WishStatus } from '@redvest/contract';
import './wishes.scss';

const STEPS = ['发布', '审核', '认领', '完成', '确认'];

/** How many steps are done in each state; rejected and cancelled wishes have no progress to show. */
const DONE: Partial<Record<WishStatus, number>> = {
  [WishStatus.PendingReview]: 1,
  [WishStatus.Published]: 2,
  [WishStatus.Claimed]: 3,
  [WishStatus.Fulfilled]: 4,
  [WishStatus.Confirmed]: 5,
};

/** Five steps in a row, the ones done in red and the one under way marked: where my wish has got to. */
export function WishProgress({ status }: { status: WishStatus }) {
  const done = DONE[status];
  if (done === undefined) return null;
  return (
    <View className="wish-progress" aria-label={`进度：已完成 ${done} 步，共 ${STEPS.length} 步`}>
      {STEPS.map((step, index) => {
        const state = index < done ? 'done' : index === done ? 'current' : 'todo';
        return (
          <View key={step} className={`wish-progress__step wish-progress__step--${state}`}>
            <View className="wish-progress__dot">{index < done ? '✓' : index + 1}</View>
            <Text className="wish-progress__label">{step}</Text>
          </View>
        );
      })}
    </View>
  );
}
