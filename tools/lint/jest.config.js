// NODE_OPTIONS=--experimental-vm-modules (package.json): ESLint loads eslint.config.mjs with import().
module.exports = { ...require('../../jest.preset.js'), testTimeout: 30_000 };
