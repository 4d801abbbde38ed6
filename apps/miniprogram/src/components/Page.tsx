import { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';

/** Every page's root: carries the theme (large type, brand colour) and the page padding. */
export function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  return <View className={`rv-page${className ? ` ${className}` : ''}`}>{children}</View>;
}
