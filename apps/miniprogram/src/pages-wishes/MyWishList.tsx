import { ReactElement, ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { MembershipView, WishView } from '@redvest/contract';
import { Page } from '../components/Page';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../components/states';
import { WishCard } from '../components/wishes/WishCard';
import { useShownAgain } from '../hooks/useAsync';
import { currentMembership, useMe } from '../hooks/useMe';
import { PagedList, usePagedList } from '../hooks/usePagedList';
import { api } from '../services/api';
import { wishPage } from '../services/routes';
import '../components/wishes/lists.scss';

export const openWish = (wish: WishView) => void Taro.navigateTo({ url: wishPage(wish.id) });

/**
 * The page of 我的心愿 and 我认领的 until the current community is known: loading, the error, or (with
 * `joinHint`) that the caller has not joined one; then `children` for that membership.
 */
export function MyWishListPage({
  joinHint,
  children,
}: {
  joinHint: string;
  children: (membership: MembershipView) => ReactElement;
}) {
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
        <EmptyState title="还没有加入社区" description={joinHint} />
      </Page>
    );
  }
  return children(membership);
}

/** The wishes I posted, claimed, or my family's (家人代办), loaded again when the page is shown again. */
export function useMyWishes(cid: string, mine: 'posted' | 'claimed' | 'family'): PagedList<WishView> {
  const list = usePagedList<WishView>((cursor) => api.wishes.list(cid, { mine, cursor, limit: 20 }), [cid]);
  useShownAgain(() => void list.reload());
  return list;
}

/** The list: loading, the error, `empty` when there is nothing, else a card per wish with its `foot`. */
export function MyWishCards({
  list,
  empty,
  foot,
}: {
  list: PagedList<WishView>;
  empty: ReactElement;
  foot: (wish: WishView) => ReactNode;
}) {
  if (list.loading) return <LoadingState cards={3} rows={2} />;
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.items.length) return empty;
  return (
    <>
      {list.items.map((wish) => (
        <WishCard key={wish.id} wish={wish} status onOpen={() => openWish(wish)}>
          {foot(wish)}
        </WishCard>
      ))}
      <ListFooter loading={list.loadingMore} done={!list.hasMore} />
    </>
  );
}
