import { View, Text } from '@tarojs/components';
import { Heart } from '@nutui/icons-react-taro';
import { Page } from '../../components/Page';
import { useRequireLogin } from '../../hooks/useMe';
import { EmptyState } from '../../components/states';
import './index.scss';

const STEPS = [
  { title: '居民许愿', text: '写下生活中的小困难、小愿望，社区审核后发布' },
  { title: '党员接单', text: '在职党员和志愿者认领心愿，上门帮忙' },
  { title: '确认致谢', text: '心愿完成后由您确认，并可写下感谢' },
];

/** Micro-wishes (微心愿): the wall is being built; say what it will do. */
export default function WishesPage() {
  useRequireLogin();
  return (
    <Page className="wishes-page">
      <EmptyState
        icon={<Heart size={48} />}
        title="心愿墙正在准备中"
        description="很快，您就可以在这里发布微心愿，也可以认领邻居的心愿、帮一把手。"
      />
      <Text className="rv-section-title">心愿怎么实现</Text>
      <View className="rv-card">
        {STEPS.map((step, index) => (
          <View className="wish-step" key={step.title}>
            <View className="wish-step__index">{index + 1}</View>
            <View className="wish-step__body">
              <Text className="wish-step__title">{step.title}</Text>
              <Text className="wish-step__text">{step.text}</Text>
            </View>
          </View>
        ))}
      </View>
    </Page>
  );
}
