const path = require('node:path');

const libs = path.resolve(__dirname, '../libs');

/** Jest preset shared by the TypeScript workspaces: ts-jest, and the libs read from their sources. */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(tsx?|m?js)$': [
      'ts-jest',
      {
        tsconfig: {
          isolatedModules: true,
          module: 'commonjs',
          target: 'ES2022',
          allowJs: true,
          esModuleInterop: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
        },
      },
    ],
  },
  // A few dependencies ship only ES modules, which jest 29 cannot require; compile them like our sources.
  transformIgnorePatterns: ['^(?!.*/node_modules/content-disposition/).*/node_modules/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@redvest/contract$': `${libs}/contract/src`,
    '^@redvest/domain$': `${libs}/domain/src`,
    '^@redvest/api-client$': `${libs}/api-client/src`,
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
