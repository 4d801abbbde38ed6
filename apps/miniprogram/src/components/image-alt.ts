/**
 * What an image shows, for screen readers. WeChat's reads the image's `aria-label`; on H5 Taro's <Image> is a box
 * around an <img>, and only `nativeProps` reach the <img>, which needs `alt`.
 */
export function imageAlt(text: string): { ariaLabel: string } | { nativeProps: { alt: string } } {
  return process.env.TARO_ENV === 'h5' ? { nativeProps: { alt: text } } : { ariaLabel: text };
}
