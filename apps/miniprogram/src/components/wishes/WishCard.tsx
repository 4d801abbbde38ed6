import { PropsWithChildren } from 'react';
import { View, Text, Image } from '@tarojs/components';
import { WishView } from '@redvest/contract';
import { Badge } from '../Badge';
import { formatDate } from '../../services/format';
import { photoSrc } from '../../services/wish-photos';
import { CATEGORY_LOOKS, CategoryIcon, STATUS_TONES } from './wish-meta';
import './wishes.scss';
import { imageAlt } from '../image-alt';

/** The first photo of a wish, or its category's icon on the category's colour. */
export function WishThumb({ wish }: { wish: WishView }) {
  const photo = wish.photos[0];
  if (photo) {
    return (
      <Image
        className="wish-thumb"
        src={photoSrc(photo.url)}
        mode="aspectFill"
        lazyLoad
        {...imageAlt('心愿照片')}
      />
    );
  }
  const look = CATEGORY_LOOKS[wish.category] ?? CATEGORY_LOOKS['其他'];
  return (
    <View className="wish-thumb wish-thumb--icon" style={{ backgroundColor: look.tint }}>
      <CategoryIcon category={wish.category} size={34} />
    </View>
  );
}

/**
 * One wish in a list: photo or category icon, title, category, points, compound and who wished it; `status`
 * adds its state (my wishes, my claims), `children` go under it (progress, buttons).
 */
export function WishCard({
  wish,
  status,
  onOpen,
  children,
}: PropsWithChildren<{ wish: WishView; status?: boolean; onOpen: () => void }>) {
  return (
    <View className="rv-card wish-card">
      <View className="wish-card__main" role="button" onClick={onOpen}>
        <WishThumb wish={wish} />
        <View className="wish-card__body">
          <View className="wish-card__head">
            <Text className="wish-card__title">{wish.title}</Text>
            {status ? (
              <Badge tone={STATUS_TONES[wish.status]} round>
                {wish.statusLabel}
              </Badge>
            ) : null}
          </View>
          <View className="wish-card__tags">
            <Text className="wish-card__category">{wish.category}</Text>
            <Text className="wish-card__points">{wish.points} 积分</Text>
          </View>
          <Text className="wish-card__meta">
            {[wish.authorName, wish.compound].filter(Boolean).join(' · ')}
          </Text>
          {wish.desiredDate ? (
            <Text className="wish-card__date">希望 {formatDate(wish.desiredDate)} 前完成</Text>
          ) : (
            <Text className="wish-card__date">发布于 {formatDate(wish.createdAt)}</Text>
          )}
        </View>
      </View>
      {children}
    </View>
  );
}
