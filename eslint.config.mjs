// One flat config for the workspace. Project boundaries (STYLE.md) are enforced with no-restricted-imports:
// shared libraries import no I/O, the dashboard imports nothing of the backend.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const BACKEND_ONLY = [
  '@ihm/db',
  '@ihm/db/*',
  '@ihm/probe',
  '@ihm/sandbox',
  '@ihm/monitor',
  '@nestjs/*',
  'undici',
  'pg',
  '@prisma/*',
];
const NODE_IO = [
  'node:fs',
  'node:fs/*',
  'node:net',
  'node:http',
  'node:https',
  'node:child_process',
  'node:tls',
  'node:dns',
];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/.next/**',
      '**/node_modules/**',
      'prisma/generated/**',
      '**/next-env.d.ts',
      'e2e-artifacts/**',
      '.nx/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Nest resolves constructor parameters from emitted metadata: their types must stay value imports.
    files: ['apps/monitor/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/diagnosis/src/**/*.ts'],
    rules: restrict(
      ['@ihm/*', 'zod', ...BACKEND_ONLY, ...NODE_IO, 'node:*'],
      'diagnosis is pure: no workspace, Node or network imports',
    ),
  },
  {
    files: ['libs/contracts/src/**/*.ts'],
    rules: restrict(
      [...BACKEND_ONLY, ...NODE_IO],
      'contracts are shared with the dashboard: no backend or I/O imports',
    ),
  },
  {
    files: ['libs/probe/src/**/*.ts'],
    rules: restrict(
      ['@ihm/db', '@ihm/db/*', '@nestjs/*', 'pg', '@prisma/*', 'prom-client'],
      'probe knows HTTP, not Nest, Postgres or metrics',
    ),
  },
  {
    files: ['apps/dashboard/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: restrict(BACKEND_ONLY, 'the dashboard talks to the monitor over HTTP only'),
  },
  {
    // The environment is parsed once, in each app's config module.
    files: ['apps/monitor/src/**/*.ts'],
    ignores: ['apps/monitor/src/config/**', 'apps/monitor/src/main.ts', 'apps/monitor/src/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'read configuration through RuntimeConfig' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
