import { PropsWithChildren, useEffect, useRef } from 'react';
import { View } from '@tarojs/components';
import { useElderlyMode } from '../hooks/useElderlyMode';

/** Every page's root: carries the theme (large type, brand colour, 长辈模式) and the page padding. */
export function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  const elderly = useElderlyMode();
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    // On H5 each page scrolls in Taro's page box, not in the document: it takes the keyboard's focus, so a page
    // with nothing else to focus (a notice, a list of records) can still be scrolled with the arrow keys.
    if (process.env.TARO_ENV === 'h5') root.current?.closest?.('.taro_page')?.setAttribute('tabindex', '0');
  }, []);
  const classes = ['rv-page', elderly ? 'rv-page--elderly' : '', className ?? ''].filter(Boolean);
  return (
    <View ref={root} className={classes.join(' ')}>
      {children}
    </View>
  );
}
