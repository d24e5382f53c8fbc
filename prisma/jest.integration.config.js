module.exports = {
  ...require('../jest.preset.js'),
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/../scripts/test-db/global-setup.mjs',
  globalTeardown: '<rootDir>/../scripts/test-db/global-teardown.mjs',
  maxWorkers: 1,
  testTimeout: 30000,
};
