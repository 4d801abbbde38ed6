import { View, Image } from '@tarojs/components';
import { photoSrc, previewPhotos } from '../services/wish-photos';
import './PhotoStrip.scss';
import { imageAlt } from './image-alt';

/**
 * A row of photos served by signed links; a tap opens WeChat's viewer at that photo. `small` for list cards;
 * `label` names them for screen readers (心愿照片 1, 心愿照片 2…).
 */
export function PhotoStrip({
  photos,
  label,
  small,
}: {
  photos: { id: string; url: string }[];
  label: string;
  small?: boolean;
}) {
  if (!photos.length) return null;
  const urls = photos.map((photo) => photo.url);
  return (
    <View className={`rv-photos${small ? ' rv-photos--small' : ''}`}>
      {photos.map((photo, index) => (
        <Image
          key={photo.id}
          className="rv-photos__photo"
          src={photoSrc(photo.url)}
          mode="aspectFill"
          lazyLoad
          {...imageAlt(`${label} ${index + 1}`)}
          onClick={() => previewPhotos(urls, photo.url)}
        />
      ))}
    </View>
  );
}
