const preset = require('../../jest.preset.js');

// Component specs render React into a DOM; the pure helpers' specs run there just as well.
module.exports = {
  ...preset,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
};
