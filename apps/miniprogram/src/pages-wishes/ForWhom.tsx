import { View, Text } from '@tarojs/components';
import { FamilyLinkView } from '@redvest/contract';
import { Segmented } from '../components/Segmented';
import { useAsync } from '../hooks/useAsync';
import { api } from '../services/api';

/** The residents the caller is a linked family member of in the community (家人代办); none until loaded. */
export function useFamilyResidents(cid: string | undefined): FamilyLinkView[] {
  const state = useAsync(() => api.family.overview(cid ?? ''), [cid], { skip: !cid });
  return state.data?.residents ?? [];
}

/** 为谁发布: myself, or one of the residents I act for; the resident's id, or '' for myself. */
export function ForWhom({
  residents,
  value,
  onChange,
}: {
  residents: FamilyLinkView[];
  value: string;
  onChange: (residentId: string) => void;
}) {
  const items = [
    { key: '', label: '自己' },
    ...residents.map((r) => ({ key: r.residentId, label: `家人 ${r.name}` })),
  ];
  return (
    <View className="wish-post__for-whom">
      <Text className="wish-post__label">为谁发布</Text>
      <Segmented items={items} value={value} onChange={onChange} />
      {value ? (
        <Text className="wish-post__note">
          心愿记在家人名下，默认用家人登记的住址和手机号，社区审核后发布。
        </Text>
      ) : null}
    </View>
  );
}
