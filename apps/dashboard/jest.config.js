const preset = require('../../jest.preset.js');

// Dates are shown in the visitor's zone; the specs pin one so that their expected text holds on any machine.
process.env.TZ = 'UTC';

// Component specs render React into a DOM; the pure helpers' specs run there just as well.
module.exports = {
  ...preset,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
};
