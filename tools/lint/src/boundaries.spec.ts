// The module boundaries of README "Architecture", checked the way `nx lint` checks them: ESLint with the
// workspace's eslint.config.mjs, over code placed (by path) in each project. Every forbidden arrow must be
// reported with its rule and message, and the allowed arrows must lint clean.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = join(__dirname, '../../..');
const BOUNDARIES = '@nx/enforce-module-boundaries';
const IMPORTS = 'no-restricted-imports';
const REPOSITORIES_ONLY = 'only *.repository.ts files touch the database';
const NO_BUILTINS = 'shared code runs in the browser too: no Node built-ins';
const DASHBOARD_HTTP_ONLY = 'the dashboard talks to the monitor over HTTP only';

// The files need not exist: projects are found by path (the project root), not by the file map.
const at = {
  diagnosis: 'libs/diagnosis/src/lint-fixture.ts',
  contracts: 'libs/contracts/src/lint-fixture.contract.ts',
  probe: 'libs/probe/src/lint-fixture.prober.ts',
  probeSpec: 'libs/probe/src/lint-fixture.prober.spec.ts',
  webhooks: 'libs/webhooks/src/schemes/lint-fixture.ts',
  db: 'prisma/src/lint-fixture.ts',
  monitorService: 'apps/monitor/src/integrations/lint-fixture.service.ts',
  monitorRepository: 'apps/monitor/src/integrations/lint-fixture.repository.ts',
  monitorDatabase: 'apps/monitor/src/database/lint-fixture.ts',
  monitorTestHelper: 'apps/monitor/test/integration/lint-fixture.ts',
  dashboard: 'apps/dashboard/src/lib/lint-fixture.ts',
  sandbox: 'apps/sandbox/src/lint-fixture.ts',
} as const;

let eslint: ESLint;

beforeAll(() => {
  // enforce-module-boundaries reads Nx's cached project graph; build it now so tags edited since the last
  // nx command count (under `nx run-many` this only re-reads what nx just wrote).
  execFileSync(process.execPath, [require.resolve('nx/bin/nx.js'), 'show', 'projects'], {
    cwd: repoRoot,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: 'ignore',
  });
  eslint = new ESLint({ cwd: repoRoot });
});

type Finding = { ruleId: string | null; message: string };

// One import of `specifier`, used so that no other rule (unused variables) has anything to say.
async function lintImport(
  file: string,
  specifier: string,
  kind: 'value' | 'type' = 'value',
): Promise<Finding[]> {
  const code =
    kind === 'type'
      ? `import type * as imported from '${specifier}';\nexport type Imported = typeof imported;\n`
      : `import * as imported from '${specifier}';\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  if (!result) throw new Error(`no lint result for ${file}`);
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const tagged = (sourceTag: string, ...tags: string[]) =>
  `A project tagged with "${sourceTag}" can only depend on libs tagged with ${tags.map((t) => `"${t}"`).join(', ')}`;
const noLibs = (sourceTag: string) =>
  `A project tagged with "${sourceTag}" cannot depend on any libs with tags`;
const banned = (sourceTag: string, imp: string) =>
  `A project tagged with "${sourceTag}" is not allowed to import "${imp}"`;
const restricted = (imp: string, message: string) =>
  `'${imp}' import is restricted from being used. ${message}`;
const restrictedByPattern = (imp: string, message: string) =>
  `'${imp}' import is restricted from being used by a pattern. ${message}`;

describe('forbidden imports are reported', () => {
  it.each<[string, string, Finding]>([
    // diagnosis: pure domain, no workspace project, npm package or Node built-in
    [at.diagnosis, 'zod', { ruleId: BOUNDARIES, message: banned('type:domain', 'zod') }],
    [at.diagnosis, '@ihm/db', { ruleId: BOUNDARIES, message: noLibs('type:domain') }],
    [at.diagnosis, 'node:fs', { ruleId: IMPORTS, message: restrictedByPattern('node:fs', NO_BUILTINS) }],
    [at.diagnosis, 'fs', { ruleId: IMPORTS, message: restricted('fs', NO_BUILTINS) }],
    // contracts: diagnosis and zod only
    [at.contracts, '@ihm/db', { ruleId: BOUNDARIES, message: tagged('type:contracts', 'type:domain') }],
    [at.contracts, 'undici', { ruleId: BOUNDARIES, message: banned('scope:shared', 'undici') }],
    [at.contracts, 'node:http', { ruleId: IMPORTS, message: restrictedByPattern('node:http', NO_BUILTINS) }],
    // probe: HTTP, but not the database, Nest, Postgres or metrics; the sandbox from tests only
    [
      at.probe,
      '@ihm/db',
      { ruleId: BOUNDARIES, message: tagged('type:probe', 'type:domain', 'type:contracts', 'type:webhooks') },
    ],
    [
      at.probe,
      '@ihm/sandbox',
      { ruleId: BOUNDARIES, message: tagged('type:probe', 'type:domain', 'type:contracts', 'type:webhooks') },
    ],
    [at.probe, '@nestjs/common', { ruleId: BOUNDARIES, message: banned('type:probe', '@nestjs/common') }],
    [at.probe, 'pg', { ruleId: BOUNDARIES, message: banned('type:probe', 'pg') }],
    [at.probe, '@prisma/client', { ruleId: BOUNDARIES, message: banned('type:probe', '@prisma/client') }],
    [at.probe, 'prom-client', { ruleId: BOUNDARIES, message: banned('type:probe', 'prom-client') }],
    // webhooks: signatures over bytes; contracts and diagnosis only, no HTTP client, database or Nest
    [
      at.webhooks,
      '@ihm/db',
      { ruleId: BOUNDARIES, message: tagged('type:webhooks', 'type:domain', 'type:contracts') },
    ],
    [at.webhooks, 'undici', { ruleId: BOUNDARIES, message: banned('type:webhooks', 'undici') }],
    [
      at.webhooks,
      '@nestjs/common',
      { ruleId: BOUNDARIES, message: banned('type:webhooks', '@nestjs/common') },
    ],
    [at.webhooks, 'pg', { ruleId: BOUNDARIES, message: banned('type:webhooks', 'pg') }],
    // db: no workspace project
    [at.db, '@ihm/contracts', { ruleId: BOUNDARIES, message: noLibs('type:db') }],
    // dashboard: contracts and diagnosis, over HTTP only
    [
      at.dashboard,
      '@ihm/probe',
      { ruleId: BOUNDARIES, message: tagged('scope:frontend', 'scope:shared', 'scope:frontend') },
    ],
    [
      at.dashboard,
      '@ihm/db',
      { ruleId: BOUNDARIES, message: tagged('scope:frontend', 'scope:shared', 'scope:frontend') },
    ],
    [at.dashboard, 'undici', { ruleId: BOUNDARIES, message: banned('scope:frontend', 'undici') }],
    [
      at.dashboard,
      '@prisma/client',
      { ruleId: BOUNDARIES, message: banned('scope:frontend', '@prisma/client') },
    ],
    [
      at.dashboard,
      '@nestjs/common',
      { ruleId: BOUNDARIES, message: banned('scope:frontend', '@nestjs/common') },
    ],
    [at.dashboard, 'node:net', { ruleId: IMPORTS, message: restricted('node:net', DASHBOARD_HTTP_ONLY) }],
    // sandbox: a fake third party, it knows nothing of the monitor's storage
    [
      at.sandbox,
      '@ihm/db',
      {
        ruleId: BOUNDARIES,
        message: tagged('type:sandbox', 'type:domain', 'type:contracts', 'type:webhooks'),
      },
    ],
    // monitor: only repositories (and the database module, start-up, CLI, test helpers) import the Prisma client
    [at.monitorService, '@ihm/db', { ruleId: IMPORTS, message: restricted('@ihm/db', REPOSITORIES_ONLY) }],
    [
      at.monitorService,
      '@ihm/db/testing',
      { ruleId: IMPORTS, message: restrictedByPattern('@ihm/db/testing', REPOSITORIES_ONLY) },
    ],
  ])('%s importing %s', async (file, specifier, expected) => {
    expect(await lintImport(file, specifier)).toEqual([expected]);
  });

  it('type-only imports of @ihm/db count too', async () => {
    expect(await lintImport(at.monitorService, '@ihm/db', 'type')).toEqual([
      { ruleId: IMPORTS, message: restricted('@ihm/db', REPOSITORIES_ONLY) },
    ]);
  });

  // An arrow against the graph's direction is reported as the cycle it would close (projects by their Nx name).
  it.each([
    [at.diagnosis, '@ihm/contracts', '@ihm/diagnosis', '@ihm/contracts'],
    [at.contracts, '@ihm/probe', '@ihm/contracts', '@ihm/probe'],
    // The probe signs requests and the sandbox signs deliveries with @ihm/webhooks.
    [at.webhooks, '@ihm/probe', '@ihm/webhooks', '@ihm/probe'],
    [at.webhooks, '@ihm/sandbox', '@ihm/webhooks', 'sandbox'],
  ])('%s importing %s closes a cycle', async (file, specifier, source, target) => {
    const findings = await lintImport(file, specifier);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.ruleId).toBe(BOUNDARIES);
    expect(findings[0]?.message).toMatch(
      new RegExp(`^Circular dependency between "${source}" and "${target}" detected`),
    );
  });
});

describe('allowed imports lint clean', () => {
  it.each([
    [at.contracts, '@ihm/diagnosis'],
    [at.contracts, 'zod'],
    [at.probe, '@ihm/diagnosis'],
    [at.probe, '@ihm/contracts'],
    [at.probe, 'undici'],
    [at.probe, 'node:net'],
    [at.probeSpec, '@ihm/sandbox'],
    [at.probe, '@ihm/webhooks'],
    [at.webhooks, '@ihm/contracts'],
    [at.webhooks, '@ihm/diagnosis'],
    [at.webhooks, 'node:crypto'],
    [at.monitorRepository, '@ihm/db'],
    [at.monitorDatabase, '@ihm/db'],
    [at.monitorTestHelper, '@ihm/db/testing'],
    [at.monitorService, '@ihm/probe'],
    [at.monitorService, '@ihm/contracts'],
    [at.monitorService, '@ihm/webhooks'],
    [at.dashboard, '@ihm/contracts'],
    [at.dashboard, '@ihm/diagnosis'],
    [at.sandbox, '@ihm/contracts'],
    [at.sandbox, '@ihm/webhooks'],
  ])('%s importing %s', async (file, specifier) => {
    expect(await lintImport(file, specifier)).toEqual([]);
  });
});
