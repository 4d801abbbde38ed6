import { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useElderlyMode } from '../hooks/useElderlyMode';

/** Every page's root: carries the theme (large type, brand colour, 长辈模式) and the page padding. */
export function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  const elderly = useElderlyMode();
  const classes = ['rv-page', elderly ? 'rv-page--elderly' : '', className ?? ''].filter(Boolean);
  return <View className={classes.join(' ')}>{children}</View>;
}
