import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FamilyLinkView, FamilyOverview, MembershipStatus } from '@redvest/contract';
import { formatFamilyCode } from '@redvest/domain';
import { Page } from '../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { toApiError, useAsync, usePullToRefresh, useShownAgain } from '../hooks/useAsync';
import { currentMembership, useMe } from '../hooks/useMe';
import { useSubmit } from '../hooks/useSubmit';
import { api } from '../services/api';
import { formatDate, formatDateTime } from '../services/format';
import { FAMILY_LINK_PAGE } from '../services/routes';
import './family.scss';
import { showToast } from '../services/toast';

/** 我的家人: my code for a family member, who acts for me, and whom I act for (家人代办). */
export default function FamilyPage() {
  const me = useMe();
  const membership = currentMembership(me.data);
  const cid = membership?.communityId ?? '';
  const state = useAsync(() => api.family.overview(cid), [cid], { skip: !cid });
  usePullToRefresh(state.reload);
  useShownAgain(() => void state.reload());
  const enter = () => void Taro.navigateTo({ url: FAMILY_LINK_PAGE });

  if (me.loading || (cid && state.loading)) {
    return (
      <Page className="family-page">
        <LoadingState cards={2} rows={2} />
      </Page>
    );
  }
  if (me.error || !me.data) {
    return (
      <Page className="family-page">
        <ErrorState error={me.error ?? new Error('没有数据')} onRetry={me.reload} />
      </Page>
    );
  }
  if (!membership) {
    return (
      <Page className="family-page">
        <EmptyState
          title="还没有加入社区"
          description="如果家人给了您一个代码，输入代码就能加入家人所在的社区，替家人办事。"
          actionText="输入家人给的代码"
          onAction={enter}
        />
      </Page>
    );
  }
  if (!state.data) {
    return (
      <Page className="family-page">
        <ErrorState error={state.error ?? new Error('没有数据')} onRetry={state.reload} />
      </Page>
    );
  }
  return <FamilyLinks overview={state.data} onChanged={() => void state.reload()} onEnter={enter} />;
}

function FamilyLinks({
  overview,
  onChanged,
  onEnter,
}: {
  overview: FamilyOverview;
  onChanged: () => void;
  onEnter: () => void;
}) {
  const making = useSubmit('没有生成代码');
  const pending = overview.membershipStatus === MembershipStatus.Pending;
  const makeCode = () =>
    making.submit(async () => {
      await api.family.createCode(overview.communityId);
      onChanged();
    });
  const copy = (code: string) =>
    void Promise.resolve(Taro.setClipboardData({ data: formatFamilyCode(code) }))
      .then(() => showToast({ title: '代码已复制，可以发给家人', icon: 'none', duration: 3000 }))
      .catch(() => undefined);

  return (
    <Page className="family-page">
      <View className="rv-card family-intro">
        <Text className="family-intro__text">
          家人关联后，可以替您发布心愿、确认心愿已经办好，也能看到您的心愿进展。您可以随时解除。
        </Text>
      </View>

      <Text className="rv-section-title">让家人替我办</Text>
      <View className="rv-card family-code">
        {overview.code ? (
          <>
            <Text className="family-code__label">把这个代码告诉家人（只能用一次）</Text>
            <Text className="family-code__value" aria-label={`代码 ${[...overview.code.code].join(' ')}`}>
              {formatFamilyCode(overview.code.code)}
            </Text>
            <Text className="family-code__hint">{formatDateTime(overview.code.expiresAt)} 前有效</Text>
            <View className="family-actions">
              <Button type="primary" size="large" block onClick={() => copy(overview.code!.code)}>
                复制代码
              </Button>
              <Button size="large" block loading={making.busy} onClick={() => void makeCode()}>
                换一个代码
              </Button>
            </View>
          </>
        ) : (
          <>
            <Text className="family-code__label">生成一个代码，家人在“我的家人”里输入，就关联上了。</Text>
            <View className="family-actions">
              <Button type="primary" size="large" block loading={making.busy} onClick={() => void makeCode()}>
                生成代码
              </Button>
            </View>
          </>
        )}
      </View>

      <Text className="rv-section-title">替我办事的家人</Text>
      {overview.family.length ? (
        overview.family.map((link) => <LinkCard key={link.id} link={link} who="家人" onRemoved={onChanged} />)
      ) : (
        <View className="rv-card">
          <Text className="rv-muted">还没有关联家人。</Text>
        </View>
      )}

      <Text className="rv-section-title">我替他们办事</Text>
      {pending && overview.residents.length ? (
        <View className="rv-card">
          <Text className="family-warn">社区审核通过您的入社区申请后，就可以替家人办事了。</Text>
        </View>
      ) : null}
      {overview.residents.length ? (
        overview.residents.map((link) => (
          <LinkCard key={link.id} link={link} who="居民" onRemoved={onChanged} />
        ))
      ) : (
        <View className="rv-card">
          <Text className="rv-muted">家人给了您代码？输入后就能替家人发布、确认心愿。</Text>
        </View>
      )}
      <View className="family-actions family-actions--page">
        <Button size="large" block onClick={onEnter}>
          输入家人给的代码
        </Button>
      </View>
    </Page>
  );
}

/** One link: the other person (masked), since when, and 解除关联 after a question. */
function LinkCard({ link, who, onRemoved }: { link: FamilyLinkView; who: string; onRemoved: () => void }) {
  const removing = useSubmit('没有解除');
  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '解除关联',
      content:
        who === '家人'
          ? `解除后，${link.name}不能再替您发布和确认心愿。确定解除吗？`
          : `解除后，您不能再替${link.name}办事。确定解除吗？`,
      confirmText: '解除',
      cancelText: '再想想',
    });
    if (!confirm) return;
    await removing.submit(async () => {
      try {
        await api.family.unlink(link.id);
      } catch (caught) {
        // Already ended elsewhere: show the list as it is.
        if (toApiError(caught).status !== 404) throw caught;
      }
      void showToast({ title: '已解除关联', icon: 'none', duration: 3000 });
      onRemoved();
    });
  };
  return (
    <View className="rv-card family-link">
      <View className="family-link__text">
        <Text className="family-link__name">{link.name}</Text>
        <Text className="rv-muted">{formatDate(link.linkedAt)} 关联</Text>
      </View>
      <Button size="large" loading={removing.busy} onClick={() => void remove()}>
        解除关联
      </Button>
    </View>
  );
}
