import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { PageChunksPlugin } from './page-chunks';

const libs = path.resolve(__dirname, '../../../libs');
const isH5 = process.env.TARO_ENV === 'h5';

/**
 * Where the app reaches the API. H5 is served by the API server itself, so it calls its own origin;
 * the mini-program needs the server's full URL (a legal https domain in production, see README).
 */
const apiBase = process.env.TARO_APP_API_BASE ?? (isH5 ? '' : 'http://127.0.0.1:3000');

/** NutUI's styles are written for a 375px-wide design; ours too, so 1px in our SCSS is 1px on a 375px phone. */
const DESIGN_WIDTH = 375;

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'redvest',
    date: '2026-11-23',
    designWidth: DESIGN_WIDTH,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist/h5' : `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    env: { TARO_APP_API_BASE: JSON.stringify(apiBase) },
    defineConstants: {},
    // The shared libs are compiled from their TypeScript sources, so the app never needs their dist/.
    alias: {
      '@redvest/contract': path.join(libs, 'contract/src'),
      '@redvest/domain': path.join(libs, 'domain/src'),
      '@redvest/api-client': path.join(libs, 'api-client/src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // A module that no main-package page uses goes to the subpackages that use it (their sub-vendors.js,
      // copied into each when several do), never to the main package's vendors.js or common.js (Taro's default,
      // spelt out because the main package's size depends on it).
      optimizeMainPackage: { enable: true },
      // The libs' TypeScript sources live outside src/: babel compiles them too.
      compile: { include: [libs] },
      // Pages import NutUI's per-component styles in different orders; the order doesn't matter for them.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [libs] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      // Taro splits only the initial chunks on H5, so every lazily loaded page would carry its own copy of
      // NutUI and our shared code; share what two or more pages use instead.
      webpackChain(chain) {
        chain.optimization.merge({ splitChunks: { chunks: 'all', minSize: 10000 } });
        chain.plugin('page-chunks').use(PageChunksPlugin);
        chain.module
          .rule('web-aria-role')
          .test(/\.js$/)
          .include.add(/@nutui[\\/]nutui-react-taro/)
          .end()
          .use('web-aria-role')
          .loader(path.join(__dirname, 'web-aria-role-loader.js'));
      },
    },
  };
  return config;
});
