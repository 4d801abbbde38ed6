import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Edit, Heart } from '@nutui/icons-react-taro';
import { WishStatus, WishView } from '@redvest/contract';
import { Page } from '../components/Page';
import { EmptyState } from '../components/states';
import { FamilyActed } from '../components/wishes/FamilyActed';
import { WishProgress } from '../components/wishes/WishProgress';
import { wishPostPage } from '../services/routes';
import { WithFamilyWishes } from './FamilyWishes';
import { MyWishCards, MyWishListPage, openWish, useMyWishes } from './MyWishList';

/** What the author should know under each wish: whose turn it is, in plain words. */
function Note({ wish }: { wish: WishView }) {
  switch (wish.status) {
    case WishStatus.Fulfilled:
      return (
        <View className="wish-list__alert">
          <Text className="wish-list__alert-text">{wish.claimerName || '认领人'}说已经办好了，请您确认</Text>
          <Button type="primary" onClick={() => openWish(wish)}>
            去确认
          </Button>
        </View>
      );
    case WishStatus.Claimed:
      return <Text className="wish-list__note">{wish.claimerName || '有人'}已认领，会尽快和您联系</Text>;
    case WishStatus.Rejected:
      return (
        <Text className="wish-list__note wish-list__note--bad">
          未通过审核{wish.rejectReason ? `：${wish.rejectReason}` : ''}
        </Text>
      );
    case WishStatus.Cancelled:
      return <Text className="wish-list__note">已撤回</Text>;
    default:
      return null;
  }
}

/** 我的心愿: every wish I posted (or was posted for me), in every state, with how far it has got. */
export default function MyWishesPage() {
  return (
    <MyWishListPage joinHint="加入社区后就能发布心愿。">
      {(membership) => (
        <WithFamilyWishes cid={membership.communityId} mine={<MyWishes cid={membership.communityId} />} />
      )}
    </MyWishListPage>
  );
}

function MyWishes({ cid }: { cid: string }) {
  const list = useMyWishes(cid, 'posted');
  const post = () => void Taro.navigateTo({ url: wishPostPage(cid) });
  return (
    <Page className="wish-list">
      <View className="wish-list__top">
        <Button type="primary" size="large" block icon={<Edit size={20} />} onClick={post}>
          发布新心愿
        </Button>
      </View>
      <MyWishCards
        list={list}
        empty={
          <EmptyState
            icon={<Heart size={48} />}
            title="还没有发布过心愿"
            description="有需要帮忙的事，发布一个心愿，社区的党员和志愿者会来帮您。"
            actionText="发布心愿"
            onAction={post}
          />
        }
        foot={(wish) => (
          <>
            <WishProgress status={wish.status} />
            <FamilyActed wish={wish} />
            <Note wish={wish} />
          </>
        )}
      />
    </Page>
  );
}
