/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5' | string;
    /** The API server's base URL, set at build time ('' on H5: same origin). */
    TARO_APP_API_BASE?: string;
  }
}

declare module '@nutui/icons-react-taro/dist/es/icons/configure' {
  /** NutUI icons' global options: `tag` is the element (or component) an icon renders as. */
  export function configure(options: {
    tag?: string | import('react').ComponentType<any>;
    classPrefix?: string;
    useSvg?: boolean;
  }): void;
}
