const { join } = require('node:path');
const preset = require('../../jest.preset.js');

// @octokit/webhooks-methods ships ES modules only, exported for `import` alone: the specs reach its file by
// path and SWC compiles it like their own code.
const octokit = join(__dirname, '../../node_modules/@octokit/webhooks-methods');

module.exports = {
  ...preset,
  moduleNameMapper: { '^@octokit/webhooks-methods$': join(octokit, 'dist-node/index.js') },
  transformIgnorePatterns: ['/node_modules/(?!@octokit/webhooks-methods/)'],
};
