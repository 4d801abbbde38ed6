import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Heart, Phone } from '@nutui/icons-react-taro';
import { MembershipView, WishStatus, WishView } from '@redvest/contract';
import { Page } from '../components/Page';
import { EmptyState } from '../components/states';
import { useWishActions, WishActions } from '../components/wishes/useWishActions';
import { TAB_PAGES } from '../services/routes';
import { MyWishCards, MyWishListPage, useMyWishes } from './MyWishList';

function call(phone: string) {
  Promise.resolve(Taro.makePhoneCall({ phoneNumber: phone })).catch(() => undefined);
}

/** Under each claim: whom to call and 完成心愿 while it is mine to do, then what happened. */
function ClaimFoot({ wish, actions }: { wish: WishView; actions: WishActions }) {
  const busy = actions.busy?.wishId === wish.id ? actions.busy.action : null;
  switch (wish.status) {
    case WishStatus.Claimed:
      return (
        <View className="wish-list__foot">
          {wish.place ? <Text className="wish-list__note">住址：{wish.place}</Text> : null}
          <View className="rv-actions">
            {wish.contactPhone && !wish.contactPhone.includes('*') ? (
              <Button size="large" icon={<Phone size={18} />} onClick={() => call(wish.contactPhone ?? '')}>
                打电话
              </Button>
            ) : null}
            {wish.actions.includes('fulfil') ? (
              <Button
                type="primary"
                size="large"
                loading={busy === 'fulfil'}
                disabled={actions.busy !== null}
                onClick={() => actions.start(wish, 'fulfil')}
              >
                完成心愿
              </Button>
            ) : null}
          </View>
        </View>
      );
    case WishStatus.Fulfilled:
      return <Text className="wish-list__note">已提交完成情况，正在等居民确认</Text>;
    case WishStatus.Confirmed:
      return (
        <View className="wish-list__foot">
          <Text className="wish-list__note wish-list__note--good">
            已完成，{wish.points} 积分{wish.confirmation === 'author' ? '已入账' : '经社区审批后入账'}
          </Text>
          <View className="rv-actions">
            <Button
              type="primary"
              fill="outline"
              size="large"
              loading={busy === 'letter'}
              disabled={actions.busy !== null}
              onClick={() => actions.letter(wish)}
            >
              下载感谢信
            </Button>
          </View>
        </View>
      );
    default:
      return null;
  }
}

/** 我认领的: the wishes I claimed or was dispatched, with 完成心愿 right on the card. */
export default function MyClaimsPage() {
  return (
    <MyWishListPage joinHint="加入社区后就能认领心愿。">
      {(membership) => <MyClaims membership={membership} />}
    </MyWishListPage>
  );
}

function MyClaims({ membership }: { membership: MembershipView }) {
  const list = useMyWishes(membership.communityId, 'claimed');
  const actions = useWishActions({
    employer: membership.employer,
    onChanged: (updated) =>
      list.updateItems((items) => items.map((w) => (w.id === updated.id ? updated : w))),
    onStale: () => void list.reload(),
  });

  return (
    <Page className="wish-list">
      <MyWishCards
        list={list}
        empty={
          <EmptyState
            icon={<Heart size={48} />}
            title="还没有认领心愿"
            description="到心愿墙看看邻居们的心愿，帮一把手。"
            actionText="去心愿墙"
            onAction={() => void Taro.switchTab({ url: TAB_PAGES.wishes })}
          />
        }
        foot={(wish) => <ClaimFoot wish={wish} actions={actions} />}
      />
      {actions.dialogs}
    </Page>
  );
}
