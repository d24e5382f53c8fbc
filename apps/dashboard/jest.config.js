const { dirname, join } = require('node:path');
const preset = require('../../jest.preset.js');

// Dates are shown in the visitor's zone; the specs pin one so that their expected text holds on any machine.
process.env.TZ = 'UTC';

// Component specs render React into a DOM; the pure helpers' specs run there just as well.
module.exports = {
  ...preset,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  // Specs render server components too: the server-only marker resolves to its no-op, as in a server bundle.
  moduleNameMapper: { '^server-only$': join(dirname(require.resolve('server-only')), 'empty.js') },
};
