import { useMemo } from 'react';
import { Image } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import './QrCode.scss';
import { imageAlt } from './image-alt';

/**
 * The QR code of `text` as a GIF data URL. Medium error correction (15 %): a check-in token (28 characters)
 * fits in a 29×29 code, large modules that a phone reads from another phone's screen or a printed poster.
 */
export function qrDataUrl(text: string, cellSize = 8): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  // A quiet zone of four modules, as the standard asks.
  return qr.createDataURL(cellSize, cellSize * 4);
}

/**
 * A QR code as an image: works the same in the mini-program and on H5 (no canvas), prints, and can be saved
 * or forwarded with a long press in WeChat. The size comes from `className`.
 */
export function QrCode({ text, className, label }: { text: string; className?: string; label: string }) {
  const src = useMemo(() => qrDataUrl(text), [text]);
  return (
    <Image
      className={`rv-qr${className ? ` ${className}` : ''}`}
      src={src}
      // Square image in a square box: fills it exactly (Taro's H5 aspectFit shifts under text-align: center).
      mode="scaleToFill"
      showMenuByLongpress
      {...imageAlt(label)}
    />
  );
}
