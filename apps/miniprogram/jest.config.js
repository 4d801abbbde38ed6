const path = require('node:path');

const libs = path.resolve(__dirname, '../../libs');
/** ES modules in node_modules that must go through babel. */
const esm = [
  '@tarojs',
  '@stencil',
  '@nutui',
  '@swc/helpers',
  'lodash-es',
  'swiper',
  'ssr-window',
  'dom7',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'nanoid',
  'tslib',
  // @tarojs/components' React build carries its own pnpm-installed tslib
  '\\.pnpm',
];

/** Page and component tests: React in jsdom, Taro's H5 components, Taro's APIs faked in jest/setup-taro.js. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}', '<rootDir>/src/**/__tests__/**/*.{ts,tsx}'],
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(css|scss|sass)$': '<rootDir>/jest/style-stub.js',
    '^@redvest/contract$': `${libs}/contract/src`,
    '^@redvest/domain$': `${libs}/domain/src`,
    '^@redvest/api-client$': `${libs}/api-client/src`,
  },
  setupFilesAfterEnv: ['<rootDir>/jest/setup-taro.js'],
  globals: {
    DEPRECATED_ADAPTER_COMPONENT: false,
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    SUPPORT_TARO_POLYFILL: 'disabled',
  },
};
