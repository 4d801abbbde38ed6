import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MeResponse } from '@redvest/contract';
import { useElderlySetting } from '../../hooks/useElderlySetting';
import './ElderlyOffer.scss';

/** Offered once to a resident: 长辈模式 or not. Either answer is kept, so it is not asked again. */
export function ElderlyOffer({ onChosen }: { onChosen: (me: MeResponse) => void }) {
  const { saving, choose } = useElderlySetting(onChosen);
  return (
    <View className="rv-card elderly-offer">
      <Text className="elderly-offer__title">字太小、看不清？</Text>
      <Text className="elderly-offer__text">
        试试长辈模式：字更大、按钮更大，首页只留最常用的四件事。以后可以在“我的”里随时关掉。
      </Text>
      <View className="rv-actions">
        <Button type="primary" loading={saving} onClick={() => void choose(true)}>
          开启长辈模式
        </Button>
        <Button disabled={saving} onClick={() => void choose(false)}>
          不用了
        </Button>
      </View>
    </View>
  );
}
