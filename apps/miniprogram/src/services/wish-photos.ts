import Taro from '@tarojs/taro';
import { UploadSource } from '@redvest/api-client';
import { API_BASE } from './api';

/** What the server takes (POST /api/uploads): JPEG or PNG, at most 5 MB, at most three per wish. */
export const MAX_WISH_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png'];
const EXTENSION = /\.(jpe?g|png)$/i;

/** A photo the user picked, before it is uploaded: what to send and what to show meanwhile. */
export interface PickedPhoto {
  source: UploadSource;
  /** A local address for <Image> (a blob URL on H5, a temporary file in the mini-program). */
  preview: string;
  /** Why it cannot be sent, found before sending (too large, not a photo). */
  problem?: string;
}

function checkFile(file: File): string | undefined {
  if (!TYPES.includes(file.type) && !EXTENSION.test(file.name)) return '只能上传 JPG 或 PNG 格式的照片';
  if (file.size > MAX_PHOTO_BYTES) return '照片太大了，请选择 5MB 以内的照片';
  return undefined;
}

/**
 * Lets the user pick up to `max` photos: from the album or the camera in the mini-program (WeChat compresses
 * them), with a file input on H5. Resolves an empty list when cancelled.
 */
export async function pickPhotos(max: number): Promise<PickedPhoto[]> {
  if (max <= 0) return [];
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/jpeg,image/png';
      input.multiple = max > 1;
      input.style.display = 'none';
      input.onchange = () => {
        const files = Array.from(input.files ?? []).slice(0, max);
        input.remove();
        resolve(
          files.map((file) => ({
            source: { filename: file.name, data: file },
            preview: URL.createObjectURL(file),
            problem: checkFile(file),
          })),
        );
      };
      document.body.appendChild(input);
      input.click();
    });
  }
  try {
    const { tempFiles } = await Taro.chooseMedia({
      count: max,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    });
    return tempFiles.map((file) => ({
      source: { filePath: file.tempFilePath },
      preview: file.tempFilePath,
      problem: file.size > MAX_PHOTO_BYTES ? '照片太大了，请选择 5MB 以内的照片' : undefined,
    }));
  } catch {
    // cancelled
    return [];
  }
}

/** The server's photo links are paths on the API (signed, no login needed): the mini-program needs the host. */
export function photoSrc(url: string): string {
  return url.startsWith('/') ? `${API_BASE}${url}` : url;
}

/** Shows photos full screen, swiping between them. */
export function previewPhotos(urls: string[], current: string): void {
  try {
    void Promise.resolve(Taro.previewImage({ urls: urls.map(photoSrc), current: photoSrc(current) })).catch(
      () => undefined,
    );
  } catch {
    // no viewer here: the photo stays as it is
  }
}
