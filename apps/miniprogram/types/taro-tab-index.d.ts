export {};

declare module '@tarojs/components/types/common' {
  interface StandardProps {
    /**
     * H5 only (WeChat has no keyboard focus): 0 puts an element in the keyboard's tab order, as a region that
     * scrolls needs to be, so that it can be scrolled with the arrow keys.
     */
    tabIndex?: number;
  }
}
