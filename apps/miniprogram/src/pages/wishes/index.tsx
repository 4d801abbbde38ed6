import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, ScrollView } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ArrowRight, Edit, Heart } from '@nutui/icons-react-taro';
import {
  MembershipStatus,
  MembershipView,
  Role,
  WISH_CATEGORIES,
  WishCategory,
  WishView,
} from '@redvest/contract';
import { effectiveRoles } from '@redvest/domain';
import { Page } from '../../components/Page';
import { Segmented } from '../../components/Segmented';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../components/states';
import { WishCard } from '../../components/wishes/WishCard';
import { useShownAgain } from '../../hooks/useAsync';
import { canApprovePoints, currentMembership, useMe } from '../../hooks/useMe';
import { usePagedList } from '../../hooks/usePagedList';
import { api } from '../../services/api';
import {
  joinPage,
  MY_CLAIMS_PAGE,
  MY_WISHES_PAGE,
  wishesAdminPage,
  wishPage,
  wishPostPage,
} from '../../services/routes';
import './index.scss';

type Sort = 'newest' | 'expiring';
const SORTS: { key: Sort; label: string }[] = [
  { key: 'newest', label: '最新发布' },
  { key: 'expiring', label: '快到期' },
];

const go = (url: string) => void Taro.navigateTo({ url });

/** 心愿墙: the community's published wishes, to read and claim; posting one and my own lists start here. */
export default function WishesPage() {
  const me = useMe();
  const membership = currentMembership(me.data);

  if (me.loading) {
    return (
      <Page className="wishes-page">
        <LoadingState cards={3} rows={2} />
      </Page>
    );
  }
  if (me.error || !me.data) {
    return (
      <Page className="wishes-page">
        <ErrorState error={me.error ?? new Error('没有数据')} onRetry={me.reload} />
      </Page>
    );
  }
  if (!membership) {
    return (
      <Page className="wishes-page">
        <EmptyState
          icon={<Heart size={48} />}
          title="还没有加入社区"
          description="凭社区邀请码加入后，就能发布心愿，也能认领邻居的心愿。"
          actionText="加入社区"
          onAction={() => go(joinPage())}
        />
      </Page>
    );
  }
  if (membership.status !== MembershipStatus.Active) {
    return (
      <Page className="wishes-page">
        <EmptyState
          icon={<Heart size={48} />}
          title="入社区申请审核中"
          description="社区工作人员核实后，您就可以发布和认领心愿了。"
        />
      </Page>
    );
  }
  return <WishBoard membership={membership} />;
}

function WishBoard({ membership }: { membership: MembershipView }) {
  const cid = membership.communityId;
  const [category, setCategory] = useState<WishCategory | undefined>(undefined);
  const [sort, setSort] = useState<Sort>('newest');
  const list = usePagedList<WishView>(
    (cursor) => api.wishes.list(cid, { category, sort, cursor, limit: 20 }),
    [cid, category, sort],
  );
  // Back from posting or claiming: the board has changed.
  useShownAgain(() => void list.reload());

  const volunteer = effectiveRoles(membership.roles).has(Role.Volunteer);
  const reviewer = canApprovePoints(membership);

  const body = () => {
    if (list.loading) return <LoadingState cards={3} rows={2} />;
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.items.length) {
      return (
        <EmptyState
          icon={<Heart size={48} />}
          title={category ? `“${category}”还没有心愿` : '心愿墙上还没有心愿'}
          description={
            category
              ? '看看别的类别，或者发布一个心愿。'
              : '有需要帮忙的事，发布一个心愿，社区的党员和志愿者会来帮您。'
          }
          actionText="发布心愿"
          onAction={() => go(wishPostPage(cid))}
        />
      );
    }
    return (
      <>
        {list.items.map((wish) => (
          <WishCard key={wish.id} wish={wish} onOpen={() => go(wishPage(wish.id))} />
        ))}
        <ListFooter loading={list.loadingMore} done={!list.hasMore} />
      </>
    );
  };

  return (
    <Page className="wishes-page">
      <View className="wishes-hero">
        <Text className="wishes-hero__title">邻里微心愿</Text>
        <Text className="wishes-hero__text">有困难说出来，社区的党员和志愿者来帮您</Text>
        <Button
          className="wishes-hero__post"
          size="large"
          block
          icon={<Edit size={20} />}
          onClick={() => go(wishPostPage(cid))}
        >
          发布心愿
        </Button>
      </View>

      <View className="wishes-links">
        <View className="wishes-link" role="button" onClick={() => go(MY_WISHES_PAGE)}>
          <Text>我的心愿</Text>
          <ArrowRight size={14} />
        </View>
        {volunteer ? (
          <View className="wishes-link" role="button" onClick={() => go(MY_CLAIMS_PAGE)}>
            <Text>我认领的</Text>
            <ArrowRight size={14} />
          </View>
        ) : null}
        {reviewer ? (
          <View className="wishes-link" role="button" onClick={() => go(wishesAdminPage(cid))}>
            <Text>心愿审核</Text>
            <ArrowRight size={14} />
          </View>
        ) : null}
      </View>

      <ScrollView scrollX className="wishes-categories" enhanced showScrollbar={false} tabIndex={0}>
        <View className="wishes-categories__row">
          {[undefined, ...WISH_CATEGORIES].map((item) => (
            <View
              key={item ?? 'all'}
              role="button"
              aria-pressed={category === item}
              className={`rv-chip wishes-category${category === item ? ' rv-chip--selected' : ''}`}
              onClick={() => setCategory(item)}
            >
              {item ?? '全部'}
            </View>
          ))}
        </View>
      </ScrollView>

      <Segmented items={SORTS} value={sort} onChange={setSort} />
      {body()}
    </Page>
  );
}
