const { join } = require('node:path');

// @octokit/webhooks-methods ships ES modules only, exported for `import` alone: the specs reach its file by
// path and SWC compiles it like their own code (as in libs/webhooks).
const octokit = join(__dirname, '../../node_modules/@octokit/webhooks-methods');

module.exports = {
  ...require('../../jest.integration.preset.js'),
  testMatch: ['<rootDir>/test/integration/**/*.integration-spec.ts'],
  moduleNameMapper: { '^@octokit/webhooks-methods$': join(octokit, 'dist-node/index.js') },
  transformIgnorePatterns: ['/node_modules/(?!@octokit/webhooks-methods/)'],
};
