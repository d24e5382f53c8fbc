// npm run bench:dashboard — how fast the dashboard shows content with 10,000 integrations registered, in Debian's
// Chromium, against the real monitor on a real PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, else the
// monitor's embedded one) while the scheduler probes them all: time from navigation to content for the overview,
// a search, and an integration's detail page (with its charts drawn). Medians and p95 beside the 1 s ceiling.
import { launchChromium } from '../lib/browser.mjs';
import { ADMIN_PASSWORD, api, startProduct } from '../lib/product.mjs';
import { sleep } from '../lib/stack.mjs';
import { fmt, median, percentile } from './lib.mjs';

const INTEGRATIONS = Number(process.env.BENCH_INTEGRATIONS ?? 10_000);
const INTERVAL_S = Number(process.env.BENCH_INTERVAL_S ?? 60);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CEILING_MS = 1000;

const product = await startProduct({
  name: 'bench-dashboard',
  adminUrl: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL,
  quiet: true,
});
let browser;
try {
  const catalog = await fetch(`${product.sandboxUrl}/catalog`).then((r) => r.json());
  const tags = ['payments', 'crm', 'shipping', 'search', 'auth', 'billing'];
  const registerStarted = performance.now();
  const ids = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < INTEGRATIONS) {
        const n = next++;
        const { integration } = catalog[n % catalog.length];
        const created = await api(product.monitorUrl, 'POST', '/api/integrations', {
          ...integration,
          name: `svc-${String(n).padStart(5, '0')} ${integration.name.replace(/^Sandbox: /, '')}`.slice(
            0,
            100,
          ),
          intervalSeconds: INTERVAL_S,
          timeoutMs: Math.min(Number(integration.timeoutMs ?? 10_000), INTERVAL_S * 1000),
          tags: [tags[n % tags.length]],
        });
        ids[n] = created.id;
      }
    }),
  );
  const registerSeconds = (performance.now() - registerStarted) / 1000;
  console.log(
    `registered ${fmt(INTEGRATIONS)} integrations through the API in ${fmt(registerSeconds, 1)} s; ` +
      `waiting one interval (${INTERVAL_S} s) so that every one has been probed...`,
  );
  await sleep((INTERVAL_S + 5) * 1000);
  const overview = await api(product.monitorUrl, 'GET', '/api/overview?limit=1');
  console.log(
    `probed: ${fmt(overview.counts.total - (overview.counts.byStatus.pending ?? 0))} of ${fmt(overview.counts.total)}`,
  );

  browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${product.dashboardUrl}/signin`);
  await page.getByLabel('Admin password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${product.dashboardUrl}/`);

  const time = async (action, shown) => {
    const started = performance.now();
    await action();
    await shown();
    return performance.now() - started;
  };
  const runs = async (measure) => {
    const samples = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await measure(i));
    return samples;
  };

  const apiMs = await runs(() =>
    time(
      () => api(product.monitorUrl, 'GET', '/api/overview?limit=100'),
      () => undefined,
    ),
  );
  const overviewMs = await runs(() =>
    time(
      () => page.goto(`${product.dashboardUrl}/`, { waitUntil: 'commit' }),
      () => page.locator('.group li.item-row').first().waitFor(),
    ),
  );
  const searchMs = await runs(async (i) => {
    const target = `svc-${String((i * 1_337) % INTEGRATIONS).padStart(5, '0')}`;
    const box = page.getByLabel('Search by name');
    return time(
      () => box.fill(target),
      () => page.locator('.group li.item-row .name', { hasText: target }).first().waitFor(),
    );
  });
  const detailMs = await runs((i) =>
    time(
      () =>
        page.goto(`${product.dashboardUrl}/integrations/${ids[(i * 2_711) % ids.length]}`, {
          waitUntil: 'commit',
        }),
      () => page.locator('.recharts-wrapper > svg.recharts-surface').first().waitFor(),
    ),
  );

  const row = (label, samples) =>
    console.log(
      `${label.padEnd(42)} ${fmt(median(samples)).padStart(6)} ms ${fmt(percentile(samples, 95)).padStart(6)} ms   ${CEILING_MS} ms   ${median(samples) < CEILING_MS ? 'ok' : 'OVER'}`,
    );
  console.log(
    `\nwith ${fmt(INTEGRATIONS)} integrations (every ${INTERVAL_S} s), ${RUNS} runs each, Chromium at 1280 px:`,
  );
  console.log(`${'navigation → content'.padEnd(42)} ${'median'.padStart(9)} ${'p95'.padStart(9)}   ceiling`);
  row('overview (first page of groups)', overviewMs);
  row('  of which GET /api/overview?limit=100', apiMs);
  row('search by name (typing → matching row)', searchMs);
  row('integration detail (→ chart drawn)', detailMs);
  console.log('(search includes the 250 ms typing debounce)');
} finally {
  await browser?.close();
  await product.stop();
}
