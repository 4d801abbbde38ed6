import { ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Heart, Phone } from '@nutui/icons-react-taro';
import { WishStatus } from '@redvest/contract';
import { Badge } from '../components/Badge';
import { Page } from '../components/Page';
import { PhotoStrip } from '../components/PhotoStrip';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { StarRating } from '../components/wishes/StarRating';
import { useWishActions } from '../components/wishes/useWishActions';
import {
  ACTION_BUTTONS,
  buttonActions,
  canDownloadLetter,
  CategoryIcon,
  PRIMARY_ACTIONS,
  STATUS_TONES,
  wishHint,
} from '../components/wishes/wish-meta';
import { VoicePlayer } from '../components/wishes/VoicePlayer';
import { WishTimeline } from '../components/wishes/WishTimeline';
import { useAsync, usePullToRefresh, useShownAgain } from '../hooks/useAsync';
import { isSecretary, useMe } from '../hooks/useMe';
import { api } from '../services/api';
import { formatDate, formatDateTime } from '../services/format';
import { queryParam } from '../services/routes';
import './detail.scss';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="wish-detail__fact">
      <Text className="wish-detail__fact-label">{label}</Text>
      <View className="wish-detail__fact-value">{children}</View>
    </View>
  );
}

/** The hint's colour: good news in green, a refusal in red, the rest (waiting for someone) in amber. */
const HINT_TONES: Partial<Record<WishStatus, 'good' | 'bad'>> = {
  [WishStatus.Confirmed]: 'good',
  [WishStatus.Rejected]: 'bad',
  [WishStatus.Cancelled]: 'bad',
};

const CONFIRMATIONS = {
  author: '居民本人确认',
  on_behalf: '社区代居民确认',
  family: '家人代居民确认',
  auto: '超时自动确认',
} as const;

function call(phone: string) {
  Promise.resolve(Taro.makePhoneCall({ phoneNumber: phone })).catch(() => undefined);
}

/** One wish: everything about it, its progress, and one big button for each thing the viewer may do now. */
export default function WishDetailPage() {
  const me = useMe();
  const id = queryParam(useRouter().params, 'id') ?? '';
  const state = useAsync(() => api.wishes.get(id), [id], { skip: !id });
  usePullToRefresh(state.reload);
  useShownAgain(() => void state.reload());
  const wish = state.data;
  const membership = wish ? me.data?.memberships.find((m) => m.communityId === wish.communityId) : undefined;
  const actions = useWishActions({
    employer: membership?.employer,
    onChanged: (updated) => state.setData(() => updated),
    onStale: () => void state.reload(),
  });

  if (!id) {
    return (
      <Page className="wish-detail">
        <EmptyState title="找不到该心愿" description="链接可能不完整，请回到心愿墙再看看。" />
      </Page>
    );
  }
  if (state.loading || (!wish && !state.error)) {
    return (
      <Page className="wish-detail">
        <LoadingState cards={3} rows={3} />
      </Page>
    );
  }
  if (!wish) {
    return (
      <Page className="wish-detail">
        <ErrorState error={state.error ?? new Error('没有数据')} onRetry={state.reload} />
      </Page>
    );
  }

  const buttons = buttonActions(wish);
  const letter = canDownloadLetter(wish, membership ? isSecretary(membership) : false);
  const hint = wishHint(wish);
  const maskedPhone = !!wish.contactPhone && wish.contactPhone.includes('*');
  const masked = wish.authorName.includes('*');
  const hasBar = buttons.length > 0 || letter;

  // Whom to call and where: near the top for the claimer who has the wish to do, after the wish otherwise.
  const contactFirst = wish.status === WishStatus.Claimed && wish.claimedByMe;
  const contact =
    wish.place || wish.contactPhone ? (
      <>
        <Text className="rv-section-title">联系方式</Text>
        <View className="rv-card wish-detail__contact">
          {wish.place ? (
            <Fact label="住址">
              <Text>{wish.place}</Text>
            </Fact>
          ) : null}
          {wish.contactPhone ? (
            <Fact label="电话">
              <View className="wish-detail__phone">
                <Text>{wish.contactPhone}</Text>
                {maskedPhone ? null : (
                  <Button
                    size="small"
                    type="primary"
                    fill="outline"
                    icon={<Phone size={16} />}
                    onClick={() => call(wish.contactPhone ?? '')}
                  >
                    拨打
                  </Button>
                )}
              </View>
            </Fact>
          ) : null}
          {maskedPhone ? <Text className="rv-muted">认领后可以看到完整的电话和住址。</Text> : null}
        </View>
      </>
    ) : null;

  return (
    <Page className={`wish-detail${hasBar ? ' wish-detail--with-bar' : ''}`}>
      <View className="rv-card wish-detail__head">
        <View className="wish-detail__status">
          <Badge tone={STATUS_TONES[wish.status]} round>
            {wish.statusLabel}
          </Badge>
          <Text className="wish-detail__points">
            {wish.status === WishStatus.Confirmed ? `${wish.points} 积分` : `完成可得 ${wish.points} 积分`}
          </Text>
        </View>
        <Text className="wish-detail__title">{wish.title}</Text>
        <View className="wish-detail__category">
          <CategoryIcon category={wish.category} size={20} />
          <Text>{wish.category}</Text>
        </View>
        <View className="wish-detail__facts">
          <Fact label="心愿人">
            <Text>
              {wish.authorName}
              {wish.postedByFamily
                ? `（由家人 ${wish.postedByFamily} 代为发布）`
                : wish.postedOnBehalf
                  ? '（社区代发）'
                  : ''}
            </Text>
          </Fact>
          {wish.compound ? (
            <Fact label="小区">
              <Text>{wish.compound}</Text>
            </Fact>
          ) : null}
          <Fact label="发布时间">
            <Text>{formatDateTime(wish.createdAt)}</Text>
          </Fact>
          {wish.desiredDate ? (
            <Fact label="希望完成">
              <Text>{formatDate(wish.desiredDate)} 前</Text>
            </Fact>
          ) : null}
          {wish.claimerName ? (
            <Fact label={wish.dispatched ? '派单给' : '认领人'}>
              <Text>
                {wish.claimerName}
                {wish.claimedForEmployer ? `（代表${wish.claimedForEmployer}）` : ''}
              </Text>
            </Fact>
          ) : null}
        </View>
        {hint ? (
          <Text
            className={`wish-detail__hint${HINT_TONES[wish.status] ? ` wish-detail__hint--${HINT_TONES[wish.status]}` : ''}`}
          >
            {hint}
          </Text>
        ) : null}
      </View>

      {contactFirst ? contact : null}
      {wish.timeline?.length ? (
        <>
          <Text className="rv-section-title">心愿进度</Text>
          <View className="rv-card wish-detail__timeline">
            <WishTimeline
              events={wish.timeline}
              maskAuthor={masked}
              postedForResident={wish.postedOnBehalf}
            />
          </View>
        </>
      ) : null}

      <Text className="rv-section-title">心愿内容</Text>
      <View className="rv-card">
        <Text className="wish-detail__text">{wish.description}</Text>
        <PhotoStrip photos={wish.photos} label="心愿照片" />
        {wish.voiceNote ? <VoicePlayer voice={wish.voiceNote} /> : null}
      </View>

      {contactFirst ? null : contact}
      {wish.fulfilNote ? (
        <>
          <Text className="rv-section-title">完成情况</Text>
          <View className="rv-card">
            <Text className="wish-detail__text">{wish.fulfilNote}</Text>
            <PhotoStrip photos={wish.fulfilPhotos} label="完成照片" />
          </View>
        </>
      ) : null}

      {wish.status === WishStatus.Confirmed && (wish.rating || wish.thanks || wish.confirmation) ? (
        <>
          <Text className="rv-section-title">居民的评价</Text>
          <View className="rv-card wish-detail__thanks">
            {wish.rating ? <StarRating value={wish.rating} readOnly size={24} /> : null}
            {wish.thanks ? (
              <View className="wish-detail__letter">
                <Heart size={18} color="#c8161d" />
                <Text>{wish.thanks}</Text>
              </View>
            ) : null}
            {wish.confirmation ? (
              <Text className="rv-muted">
                {wish.confirmedByFamily
                  ? `由家人 ${wish.confirmedByFamily} 代为确认`
                  : CONFIRMATIONS[wish.confirmation]}
              </Text>
            ) : null}
          </View>
        </>
      ) : null}

      {hasBar ? (
        <View className="wish-bar">
          {buttons.map((action) => (
            <Button
              key={action}
              className="wish-bar__button"
              type={PRIMARY_ACTIONS.has(action) ? 'primary' : 'default'}
              size="large"
              loading={actions.busy?.action === action}
              disabled={actions.busy !== null && actions.busy.action !== action}
              onClick={() => actions.start(wish, action)}
            >
              {ACTION_BUTTONS[action]}
            </Button>
          ))}
          {letter ? (
            <Button
              className="wish-bar__button"
              type="primary"
              fill="outline"
              size="large"
              loading={actions.busy?.action === 'letter'}
              onClick={() => actions.letter(wish)}
            >
              下载感谢信
            </Button>
          ) : null}
        </View>
      ) : null}
      {actions.dialogs}
    </Page>
  );
}
