// Jest configuration: TypeScript through ts-jest, transpile-only (isolatedModules in the tsconfig);
// type-checking is done by `npm run build`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  maxWorkers: 2,
  testTimeout: 60000,
};
