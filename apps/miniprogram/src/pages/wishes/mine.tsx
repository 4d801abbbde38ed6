import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Edit, Heart } from '@nutui/icons-react-taro';
import { MembershipView, WishStatus, WishView } from '@redvest/contract';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../components/states';
import { WishCard } from '../../components/wishes/WishCard';
import { WishProgress } from '../../components/wishes/WishProgress';
import { useShownAgain } from '../../hooks/useAsync';
import { currentMembership, useMe } from '../../hooks/useMe';
import { usePagedList } from '../../hooks/usePagedList';
import { api } from '../../services/api';
import { wishPage, wishPostPage } from '../../services/routes';
import './lists.scss';

const open = (wish: WishView) => void Taro.navigateTo({ url: wishPage(wish.id) });

/** What the author should know under each wish: whose turn it is, in plain words. */
function Note({ wish }: { wish: WishView }) {
  switch (wish.status) {
    case WishStatus.Fulfilled:
      return (
        <View className="wish-list__alert">
          <Text className="wish-list__alert-text">{wish.claimerName || '认领人'}说已经办好了，请您确认</Text>
          <Button type="primary" onClick={() => open(wish)}>
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
  const me = useMe();
  const membership = currentMembership(me.data);
  if (me.loading) {
    return (
      <Page className="wish-list">
        <LoadingState cards={3} rows={2} />
      </Page>
    );
  }
  if (me.error || !me.data) {
    return (
      <Page className="wish-list">
        <ErrorState error={me.error ?? new Error('没有数据')} onRetry={me.reload} />
      </Page>
    );
  }
  if (!membership) {
    return (
      <Page className="wish-list">
        <EmptyState title="还没有加入社区" description="加入社区后就能发布心愿。" />
      </Page>
    );
  }
  return <MyWishes membership={membership} />;
}

function MyWishes({ membership }: { membership: MembershipView }) {
  const cid = membership.communityId;
  const list = usePagedList<WishView>(
    (cursor) => api.wishes.list(cid, { mine: 'posted', cursor, limit: 20 }),
    [cid],
  );
  useShownAgain(() => void list.reload());
  const post = () => void Taro.navigateTo({ url: wishPostPage(cid) });

  const body = () => {
    if (list.loading) return <LoadingState cards={3} rows={2} />;
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.items.length) {
      return (
        <EmptyState
          icon={<Heart size={48} />}
          title="还没有发布过心愿"
          description="有需要帮忙的事，发布一个心愿，社区的党员和志愿者会来帮您。"
          actionText="发布心愿"
          onAction={post}
        />
      );
    }
    return (
      <>
        {list.items.map((wish) => (
          <WishCard key={wish.id} wish={wish} status onOpen={() => open(wish)}>
            <WishProgress status={wish.status} />
            <Note wish={wish} />
          </WishCard>
        ))}
        <ListFooter loading={list.loadingMore} done={!list.hasMore} />
      </>
    );
  };

  return (
    <Page className="wish-list">
      <View className="wish-list__top">
        <Button type="primary" size="large" block icon={<Edit size={20} />} onClick={post}>
          发布新心愿
        </Button>
      </View>
      {body()}
    </Page>
  );
}
