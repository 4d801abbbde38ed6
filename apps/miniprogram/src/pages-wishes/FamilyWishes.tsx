import { ReactElement, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Heart } from '@nutui/icons-react-taro';
import { WishStatus } from '@redvest/contract';
import { Page } from '../components/Page';
import { Segmented } from '../components/Segmented';
import { EmptyState } from '../components/states';
import { WishProgress } from '../components/wishes/WishProgress';
import { useFamilyResidents } from './ForWhom';
import { MyWishCards, useMyWishes } from './MyWishList';

type Tab = 'mine' | 'family';
const TABS: { key: Tab; label: string }[] = [
  { key: 'mine', label: '我的心愿' },
  { key: 'family', label: '家人的心愿' },
];

/**
 * 我的心愿 with a 家人的心愿 tab for a linked family member (家人代办): the wishes of the residents they act for.
 * Without links, `mine` as it is.
 */
export function WithFamilyWishes({ cid, mine }: { cid: string; mine: ReactElement }) {
  const residents = useFamilyResidents(cid);
  const [tab, setTab] = useState<Tab>('mine');
  if (!residents.length) return mine;
  return (
    <>
      <View className="rv-page wish-list__tabs">
        <Segmented items={TABS} value={tab} onChange={setTab} />
      </View>
      {tab === 'mine' ? mine : <FamilyWishes cid={cid} />}
    </>
  );
}

function FamilyWishes({ cid }: { cid: string }) {
  const list = useMyWishes(cid, 'family');
  return (
    <Page className="wish-list">
      <MyWishCards
        list={list}
        empty={
          <EmptyState
            icon={<Heart size={48} />}
            title="家人还没有心愿"
            description="可以在“发布心愿”里选“为谁发布”，替家人发一个。"
          />
        }
        foot={(wish) => (
          <>
            <WishProgress status={wish.status} />
            <Text className="wish-list__note">
              {wish.authorName}的心愿
              {wish.status === WishStatus.Fulfilled ? '：认领人说已经办好了，请替家人确认' : ''}
            </Text>
          </>
        )}
      />
    </Page>
  );
}
