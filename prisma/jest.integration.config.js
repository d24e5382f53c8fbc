module.exports = {
  ...require('../jest.integration.preset.js'),
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
};
