/** Cross-app tests: the real server (apps/server/dist) with the H5 build (apps/miniprogram/dist/h5) in Chromium, and the weapp build (apps/miniprogram/dist/weapp). */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/e2e/**/*.e2e.spec.ts', '<rootDir>/weapp/**/*.spec.ts'],
  testTimeout: 120000,
};
