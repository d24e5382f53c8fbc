// The slow tier: real PostgreSQL (TEST_DATABASE_URL, else an embedded server) migrated once into a template
// that each test file clones; one file at a time.
const { join } = require('node:path');

module.exports = {
  ...require('./jest.preset.js'),
  globalSetup: join(__dirname, 'scripts/test-db/global-setup.mjs'),
  globalTeardown: join(__dirname, 'scripts/test-db/global-teardown.mjs'),
  maxWorkers: 1,
  testTimeout: 30000,
};
