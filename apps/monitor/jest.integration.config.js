// The slow tier: real PostgreSQL (TEST_DATABASE_URL, else an embedded server), one file at a time.
module.exports = {
  ...require('../../jest.preset.js'),
  testMatch: ['<rootDir>/test/integration/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/../../scripts/test-db/global-setup.mjs',
  globalTeardown: '<rootDir>/../../scripts/test-db/global-teardown.mjs',
  maxWorkers: 1,
  testTimeout: 30000,
};
