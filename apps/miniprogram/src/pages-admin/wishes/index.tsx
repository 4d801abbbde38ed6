import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Check } from '@nutui/icons-react-taro';
import { WishAction, WishStatus, WishView } from '@redvest/contract';
import { Page } from '../../components/Page';
import { Segmented } from '../../components/Segmented';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../components/states';
import { useWishActions, WishActions } from '../../components/wishes/useWishActions';
import { FamilyActed } from '../../components/wishes/FamilyActed';
import { WishCard } from '../../components/wishes/WishCard';
import { ACTION_BUTTONS, PRIMARY_ACTIONS } from '../../components/wishes/wish-meta';
import { useShownAgain } from '../../hooks/useAsync';
import { isSecretary, useMe } from '../../hooks/useMe';
import { usePagedList } from '../../hooks/usePagedList';
import { api } from '../../services/api';
import { queryParam, wishPage } from '../../services/routes';
import { PhotoStrip } from '../../components/PhotoStrip';
import '../../components/wishes/lists.scss';
import './index.scss';

type Tab = WishStatus.PendingReview | WishStatus.Published | WishStatus.Fulfilled | WishStatus.Confirmed;

const TABS: { key: Tab; label: string }[] = [
  { key: WishStatus.PendingReview, label: '待审核' },
  { key: WishStatus.Published, label: '待认领' },
  { key: WishStatus.Fulfilled, label: '待确认' },
  { key: WishStatus.Confirmed, label: '已完成' },
];

/** The buttons each tab offers, when the wish's `actions` allow them (a branch secretary: own compounds only). */
const TAB_ACTIONS: Record<Tab, WishAction[]> = {
  [WishStatus.PendingReview]: ['reject', 'publish'],
  [WishStatus.Published]: ['dispatch'],
  [WishStatus.Fulfilled]: ['confirm_on_behalf'],
  [WishStatus.Confirmed]: [],
};

const EMPTY: Record<Tab, { title: string; description: string }> = {
  [WishStatus.PendingReview]: {
    title: '没有待审核的心愿',
    description: '居民发布的心愿会先出现在这里，审核通过后上墙。',
  },
  [WishStatus.Published]: {
    title: '没有待认领的心愿',
    description: '心愿墙上没人认领的心愿会在这里，可以直接派单。',
  },
  [WishStatus.Fulfilled]: {
    title: '没有待确认的心愿',
    description: '居民不方便用手机时，可以在这里代居民确认。',
  },
  [WishStatus.Confirmed]: { title: '还没有完成的心愿', description: '完成的心愿可以在这里下载感谢信。' },
};

const open = (wish: WishView) => void Taro.navigateTo({ url: wishPage(wish.id) });

function ReviewCard({
  wish,
  tab,
  actions,
  letter,
}: {
  wish: WishView;
  tab: Tab;
  actions: WishActions;
  letter: boolean;
}) {
  const offered = TAB_ACTIONS[tab].filter((action) => wish.actions.includes(action));
  const busy = actions.busy?.wishId === wish.id ? actions.busy.action : null;
  return (
    <WishCard wish={wish} onOpen={() => open(wish)}>
      <FamilyActed wish={wish} />
      {tab === WishStatus.PendingReview ? (
        <>
          <Text className="wish-list__description">{wish.description}</Text>
          <PhotoStrip small photos={wish.photos} label="心愿照片" />
        </>
      ) : null}
      {wish.claimerName && tab !== WishStatus.Published ? (
        <Text className="wish-list__note">
          {wish.dispatched ? '派单给' : '认领人'}：{wish.claimerName}
          {wish.claimedForEmployer ? `（代表${wish.claimedForEmployer}）` : ''}
        </Text>
      ) : null}
      {offered.length || letter ? (
        <View className="rv-actions">
          {offered.map((action) => (
            <Button
              key={action}
              size="large"
              type={PRIMARY_ACTIONS.has(action) ? 'primary' : 'default'}
              loading={busy === action}
              disabled={actions.busy !== null && busy !== action}
              onClick={() => actions.start(wish, action)}
            >
              {action === 'publish' ? '通过' : ACTION_BUTTONS[action]}
            </Button>
          ))}
          {letter ? (
            <Button
              size="large"
              type="primary"
              fill="outline"
              loading={busy === 'letter'}
              disabled={actions.busy !== null && busy !== 'letter'}
              onClick={() => actions.letter(wish)}
            >
              下载感谢信
            </Button>
          ) : null}
        </View>
      ) : null}
    </WishCard>
  );
}

/**
 * 心愿审核 (secretaries and branch secretaries): new wishes to publish or turn down, published ones to 派单,
 * fulfilled ones to confirm for a resident, and the thank-you letters of completed ones.
 */
export default function WishesAdminPage() {
  const me = useMe();
  const cid = queryParam(useRouter().params, 'cid') ?? '';
  const membership = me.data?.memberships.find((m) => m.communityId === cid);
  const [tab, setTab] = useState<Tab>(WishStatus.PendingReview);
  const list = usePagedList<WishView>(
    (cursor) => api.wishes.list(cid, { status: tab, cursor, limit: 20 }),
    [cid, tab],
    { skip: !cid },
  );
  useShownAgain(() => void list.reload());
  const actions = useWishActions({
    employer: membership?.employer,
    onChanged: (updated) =>
      list.updateItems((items) =>
        updated.status === tab
          ? items.map((item) => (item.id === updated.id ? updated : item))
          : items.filter((item) => item.id !== updated.id),
      ),
    onStale: () => void list.reload(),
  });
  const secretary = membership ? isSecretary(membership) : false;

  const body = () => {
    if (list.loading) return <LoadingState cards={3} rows={2} />;
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.items.length) return <EmptyState icon={<Check size={48} />} {...EMPTY[tab]} />;
    return (
      <>
        {tab === WishStatus.PendingReview ? (
          <Text className="rv-section-title">
            共 {list.items.length}
            {list.hasMore ? '+' : ''} 个心愿等待审核
          </Text>
        ) : null}
        {list.items.map((wish) => (
          <ReviewCard
            key={wish.id}
            wish={wish}
            tab={tab}
            actions={actions}
            letter={tab === WishStatus.Confirmed && secretary}
          />
        ))}
        <ListFooter loading={list.loadingMore} done={!list.hasMore} />
      </>
    );
  };

  return (
    <Page className="wishes-admin">
      <Segmented items={TABS} value={tab} onChange={setTab} />
      {body()}
      {actions.dialogs}
    </Page>
  );
}
