import { View, Image } from '@tarojs/components';
import { photoSrc, previewPhotos } from '../services/wish-photos';
import './PhotoStrip.scss';

/** A row of photos served by signed links; a tap opens WeChat's viewer at that photo. `small` for list cards. */
export function PhotoStrip({ photos, small }: { photos: { id: string; url: string }[]; small?: boolean }) {
  if (!photos.length) return null;
  const urls = photos.map((photo) => photo.url);
  return (
    <View className={`rv-photos${small ? ' rv-photos--small' : ''}`}>
      {photos.map((photo) => (
        <Image
          key={photo.id}
          className="rv-photos__photo"
          src={photoSrc(photo.url)}
          mode="aspectFill"
          lazyLoad
          onClick={() => previewPhotos(urls, photo.url)}
        />
      ))}
    </View>
  );
}
