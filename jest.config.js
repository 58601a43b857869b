// Jest configuration: TypeScript through ts-jest, transpile-only (isolatedModules in the tsconfig);
// type-checking is done by `npm run build`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // After each test: the bundle's executions made no misuse that Apps Script does not report.
  setupFilesAfterEnv: ['<rootDir>/test/setup/hazards.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  maxWorkers: 2,
  // A worker that has grown past this after a test file is replaced by a fresh one: the e2e files
  // each load the bundle in several vm contexts, and a worker that ran dozens of them in a row
  // reached 9.5 GB and was killed by the kernel's OOM killer in CI.
  workerIdleMemoryLimit: '1536MB',
  testTimeout: 60000,
};
