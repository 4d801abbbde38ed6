import { useEffect, useRef, useState } from 'react';
import { View, Text, Image } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { Close, PhotographF } from '@nutui/icons-react-taro';
import { toApiError } from '../../hooks/useAsync';
import { api } from '../../services/api';
import { MAX_WISH_PHOTOS, pickPhotos, previewPhotos } from '../../services/wish-photos';
import './wishes.scss';
import { imageAlt } from '../image-alt';

export interface UploadedPhoto {
  id: string;
  preview: string;
}

interface Uploading {
  key: number;
  preview: string;
}

/**
 * Up to three photos: a big “添加照片” tile, each photo uploaded as soon as it is picked (a spinner on it
 * meanwhile), a large × to take one away. Tells the form the uploaded ids and whether uploads are still running.
 */
export function PhotoPicker({
  max = MAX_WISH_PHOTOS,
  disabled,
  onChange,
  onUploadingChange,
}: {
  max?: number;
  disabled?: boolean;
  onChange: (ids: string[]) => void;
  onUploadingChange?: (uploading: boolean) => void;
}) {
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const nextKey = useRef(0);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onUploadingRef = useRef(onUploadingChange);
  onUploadingRef.current = onUploadingChange;

  useEffect(() => onChangeRef.current(photos.map((photo) => photo.id)), [photos]);
  useEffect(() => onUploadingRef.current?.(uploading.length > 0), [uploading.length]);

  const room = max - photos.length - uploading.length;

  const add = async () => {
    if (disabled || room <= 0) return;
    const picked = await pickPhotos(room);
    if (!picked.length) return;
    setProblem(null);
    const problems: string[] = [];
    for (const photo of picked) {
      if (photo.problem) {
        problems.push(photo.problem);
        continue;
      }
      const key = nextKey.current++;
      setUploading((current) => [...current, { key, preview: photo.preview }]);
      try {
        const uploaded = await api.uploads.photo(photo.source);
        setPhotos((current) => [...current, { id: uploaded.id, preview: photo.preview }]);
      } catch (error) {
        problems.push(toApiError(error).message);
      } finally {
        setUploading((current) => current.filter((item) => item.key !== key));
      }
    }
    if (problems.length) setProblem([...new Set(problems)].join('；'));
  };

  const remove = (id: string) => setPhotos((current) => current.filter((photo) => photo.id !== id));

  return (
    <View className="photo-picker">
      <View className="photo-picker__grid">
        {photos.map((photo, index) => (
          <View key={photo.id} className="photo-picker__item">
            <Image
              className="photo-picker__image"
              src={photo.preview}
              mode="aspectFill"
              {...imageAlt(`已选照片 ${index + 1}`)}
              onClick={() =>
                previewPhotos(
                  photos.map((p) => p.preview),
                  photo.preview,
                )
              }
            />
            {disabled ? null : (
              <View
                className="photo-picker__remove"
                role="button"
                aria-label="删除这张照片"
                onClick={() => remove(photo.id)}
              >
                <Close size={14} color="#ffffff" />
              </View>
            )}
          </View>
        ))}
        {uploading.map((item) => (
          <View key={`u${item.key}`} className="photo-picker__item photo-picker__item--uploading">
            <Image
              className="photo-picker__image"
              src={item.preview}
              mode="aspectFill"
              {...imageAlt('正在上传的照片')}
            />
            <View className="photo-picker__busy">
              <Loading />
              <Text>上传中</Text>
            </View>
          </View>
        ))}
        {room > 0 ? (
          <View
            className={`photo-picker__add${disabled ? ' photo-picker__add--disabled' : ''}`}
            role="button"
            aria-label="添加照片"
            onClick={() => void add()}
          >
            <PhotographF size={30} color="#9a9ea6" />
            <Text className="photo-picker__add-text">添加照片</Text>
          </View>
        ) : null}
      </View>
      {problem ? (
        <Text className="photo-picker__problem">{problem}</Text>
      ) : (
        <Text className="photo-picker__hint">
          {`最多 ${max} 张，JPG 或 PNG 格式${photos.length ? `，已添加 ${photos.length} 张` : ''}`}
        </Text>
      )}
    </View>
  );
}
