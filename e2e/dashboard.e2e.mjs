// End to end: the dashboard in Debian's Chromium against the real monitor on a real PostgreSQL (TEST_DATABASE_URL,
// else the monitor's embedded one) and the sandbox. Screenshots of every page at desktop and phone width go to
// e2e-artifacts/. Every page any test opens is watched for Content-Security-Policy violations.
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { launchChromium } from '../scripts/lib/browser.mjs';
import { ADMIN_PASSWORD, api, startProduct } from '../scripts/lib/product.mjs';
import { root } from '../scripts/lib/stack.mjs';

const ARTIFACTS = join(root, 'e2e-artifacts');
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
const NAME = 'Orders API (e2e)';
/** The probe's own test certificates: a client certificate and its key, encrypted under FIXTURE_PASSPHRASE. */
const TLS_FIXTURES = join(root, 'libs', 'probe', 'test', 'fixtures', 'tls');
const FIXTURE_PASSPHRASE = 'fixture-passphrase';
/** A chart's own drawing surface (Recharts also draws its legend icons as small surfaces). */
const CHART_SURFACE = '.recharts-wrapper > svg.recharts-surface';
/** The policy's script source: this response's nonce, and 'strict-dynamic' for the chunks nonced scripts load. */
const SCRIPT_SRC = /(?:^|; )script-src 'self' 'nonce-([A-Za-z0-9+/]+={0,2})' 'strict-dynamic'(?:;|$)/;

let product;
let browser;
/** The invitation link the Access page showed, for the invited user's own browser. */
let inviteUrl;
let page;
let integrationPath;
/** What the browser refused on any page of the tests, for the last test to show. */
const cspViolations = [];

/** Records every CSP violation of the context's pages: the DOM event, and Chromium's console message as well. */
async function watchCsp(context) {
  await context.exposeBinding('reportCspViolation', ({ page: source }, violation) =>
    cspViolations.push({ page: source.url(), ...violation }),
  );
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      window.reportCspViolation({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      }),
    ),
  );
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      cspViolations.push({ page: message.page()?.url(), console: message.text() });
  });
}

/**
 * The nonce of one response, after checking its policy and that every script element in its HTML carries that
 * nonce.
 */
function checkedNonce(policy, html) {
  const nonce = policy.match(SCRIPT_SRC)?.[1];
  assert.ok(nonce, `a nonce script source in ${policy}`);
  assert.match(policy, /frame-ancestors 'none'/);
  assert.doesNotMatch(policy, /unsafe-eval|script-src[^;]*unsafe-inline/);
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.ok(scripts.length > 0, 'the page has scripts');
  for (const script of scripts)
    assert.ok(script.includes(` nonce="${nonce}"`), `${script} carries the nonce`);
  return nonce;
}

/** Full-page screenshots at 1280 px and 390 px of what the page shows now; `prepare` runs at each width first. */
async function screenshots(name, prepare = async () => {}) {
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    await prepare();
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${viewport.width}.png`), fullPage: true });
    if (label === 'phone') await page.setViewportSize(WIDTHS.desktop);
  }
}

/**
 * For a full-page picture of a long form: scrolled to the end, so that the sticky actions bar sits below the form
 * instead of over the middle of it, and every textarea shows its beginning.
 */
function atFormEnd() {
  return page.evaluate(() => {
    for (const textarea of document.querySelectorAll('textarea')) textarea.scrollTop = 0;
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
}

/** What an input's aria-describedby points at, its hint and errors, as a screen reader reads them. */
function descriptionOf(locator) {
  return locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  product = await startProduct({ name: 'e2e', adminUrl: process.env.TEST_DATABASE_URL });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: WIDTHS.desktop });
  await watchCsp(context);
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
});

after(async () => {
  await browser?.close();
  await product?.stop();
});

test('every page is sent with the security headers', async () => {
  const res = await fetch(`${product.dashboardUrl}/signin`);
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'same-origin');
  assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
  // Served over plain HTTP here: requests are not upgraded to a TLS port that is not there.
  assert.doesNotMatch(res.headers.get('content-security-policy') ?? '', /upgrade-insecure-requests/);
});

test('sign-in and invitation pages have a strict policy with a fresh nonce on every load', async () => {
  const nonces = [];
  for (const path of ['/signin', '/signin', '/invite/ihmi_not-a-real-invitation']) {
    const res = await fetch(`${product.dashboardUrl}${path}`);
    nonces.push(checkedNonce(res.headers.get('content-security-policy') ?? '', await res.text()));
  }
  assert.equal(new Set(nonces).size, nonces.length, 'a different nonce on each load');
  const redirect = await fetch(`${product.dashboardUrl}/`, { redirect: 'manual' });
  assert.equal(redirect.status, 307);
  assert.match(redirect.headers.get('content-security-policy') ?? '', SCRIPT_SRC);
});

test('a page behind the session sends to sign-in; a wrong password is refused', async () => {
  await page.goto(`${product.dashboardUrl}/integrations/new`);
  assert.match(page.url(), /\/signin\?next=%2Fintegrations%2Fnew$/);
  await screenshots('signin');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'That email or password is not correct.' }).waitFor();
  assert.match(page.url(), /\/signin/);
});

test('signs in with the admin password and lands where the user was going', async () => {
  await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${product.dashboardUrl}/integrations/new`);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'ihm_session');
  assert.ok(cookie, 'the session cookie is set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
});

test('a page behind the session has a strict policy with a fresh nonce on every load', async () => {
  const nonces = [];
  for (let load = 0; load < 2; load += 1) {
    const res = await page.request.get(`${product.dashboardUrl}/integrations/new`, { maxRedirects: 0 });
    assert.equal(res.status(), 200);
    nonces.push(checkedNonce(res.headers()['content-security-policy'] ?? '', await res.text()));
  }
  assert.notEqual(nonces[0], nonces[1]);
});

test('registers an integration whose API answers 401: Test shows the authentication diagnosis before saving', async () => {
  await page.getByLabel('Name').fill(NAME);
  await page.getByLabel('URL').fill(`${product.sandboxUrl}/auth/expired-token`);
  await page.getByLabel('Type').selectOption('bearer');
  await page.getByLabel('Token').fill('not-a-valid-token');
  await screenshots('form');
  await page.getByRole('button', { name: /^Test/ }).click();
  const result = page.getByRole('region', { name: /result/i });
  await result.getByText('Authentication', { exact: true }).first().waitFor();
  assert.match(await result.innerText(), /401/);
  assert.ok((await result.getByRole('listitem').count()) >= 3, 'troubleshooting steps are listed');
  await screenshots('form-tested');

  await page.getByRole('button', { name: /^(Save|Register)/ }).click();
  await page.waitForURL(/\/integrations\/[0-9a-f-]{36}$/);
  integrationPath = new URL(page.url()).pathname;
  await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
});

test('the overview lists it under Authentication with the troubleshooting steps', async () => {
  // Probe now rather than wait for the schedule's first run.
  await page.getByRole('button', { name: 'Probe now' }).click();
  await page.goto(`${product.dashboardUrl}/`);
  const group = page.getByRole('region', { name: /^Authentication/ });
  await group.getByRole('link', { name: NAME }).waitFor();
  await group.getByText('Troubleshooting steps').click();
  assert.ok((await group.locator('details li').count()) >= 3);
  assert.match(await group.locator('details').innerText(), /credential|token|key/i);
  await page.getByRole('link', { name: 'Authentication: 1 failing' }).waitFor();
  await screenshots('overview');
});

test('a search by name narrows the list through the API', async () => {
  await page.getByLabel('Search by name').fill('no-such-integration');
  await page.getByText('No integration matches these filters.').waitFor();
  await page.getByLabel('Search by name').fill('orders');
  await page.getByRole('link', { name: NAME }).waitFor();
  assert.match(page.url(), /q=orders/);
});

test('the detail page shows the diagnosis and draws the trend charts', async () => {
  await page.goto(`${product.dashboardUrl}${integrationPath}?window=1h`);
  await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
  for (const chart of ['Latency by phase', 'Success rate']) {
    const region = page.getByRole('region', { name: chart });
    await region.locator(CHART_SURFACE).waitFor();
    assert.ok(
      (await region.locator(`${CHART_SURFACE} .recharts-cartesian-axis-tick`).count()) > 0,
      `${chart}: axes`,
    );
    // A sparse series is drawn as dots, a longer one as a curve.
    const drawn = region.locator(
      `${CHART_SURFACE} :is(.recharts-line-dots circle, .recharts-area-dots circle, .recharts-line path.recharts-curve[d*="L"])`,
    );
    assert.ok((await drawn.count()) > 0, `${chart}: the probe's point is drawn`);
  }
  const text = await page.locator('main').innerText();
  assert.match(text, /Authentication/);
  assert.match(text, /401/);
  await screenshots('detail');
});

test('the dark theme is one click away and survives a reload', async () => {
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
  await page.reload();
  await page.getByRole('button', { name: 'Switch to the light theme' }).waitFor();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 3 * 80, `a dark page background, not ${background}`);
  await page.locator(CHART_SURFACE).first().waitFor();
  await screenshots('detail-dark');
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await page.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
});

test('mutual TLS: a client certificate registered through the form keeps its key and passphrase on a later edit', async () => {
  const certificate = await readFile(join(TLS_FIXTURES, 'client.pem'), 'utf8');
  const privateKey = await readFile(join(TLS_FIXTURES, 'client-encrypted.key'), 'utf8');
  const name = 'Bank API (mTLS e2e)';
  await page.goto(`${product.dashboardUrl}/integrations/new`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('URL').fill(`${product.sandboxUrl}/v1/widgets`);
  await page.getByLabel('Paused').check();
  const toggle = page.getByRole('checkbox', { name: 'Present a client certificate' });
  assert.equal(await toggle.isChecked(), false, 'off by default');
  await toggle.check();
  const keyInput = page.getByLabel('Private key (PEM)');
  const passphraseInput = page.getByLabel('Key passphrase');
  await page.getByLabel('Certificate (PEM)').fill(certificate);
  await keyInput.fill(privateKey);
  await passphraseInput.fill('not-the-passphrase');
  await page.getByRole('button', { name: 'Register integration' }).click();
  await page.getByRole('alert').filter({ hasText: 'One field below is marked.' }).waitFor();
  assert.equal(await passphraseInput.getAttribute('aria-invalid'), 'true');
  assert.match(await descriptionOf(passphraseInput), /does not open the private key/);
  assert.equal(await keyInput.getAttribute('aria-invalid'), null, 'the key itself is not blamed');
  await screenshots('form-client-certificate-error', atFormEnd);

  await passphraseInput.fill(FIXTURE_PASSPHRASE);
  await screenshots('form-client-certificate', atFormEnd);
  await page.getByRole('button', { name: 'Register integration' }).click();
  await page.waitForURL(/\/integrations\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByText('presented (mutual TLS)').waitFor();

  await page.goto(`${product.dashboardUrl}/integrations/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: `Edit ${name}` }).waitFor();
  assert.equal(await toggle.isChecked(), true);
  assert.equal(await page.getByLabel('Certificate (PEM)').inputValue(), certificate.trim());
  for (const input of [keyInput, passphraseInput]) {
    assert.equal(await input.inputValue(), '', 'a stored secret is not shown');
    assert.match(await descriptionOf(input), /^Stored — leave empty to keep/);
  }
  assert.doesNotMatch(await page.locator('main').innerHTML(), /\*{8}|PRIVATE KEY-----\s*\n[A-Za-z0-9+/]/);
  await screenshots('form-client-certificate-edit', atFormEnd);
  await page.getByLabel('Tags').fill('banking, mtls');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(`${product.dashboardUrl}/integrations/${id}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();

  const stored = await api(product.monitorUrl, 'GET', `/api/integrations/${id}`);
  assert.deepEqual(stored.tags, ['banking', 'mtls']);
  assert.deepEqual(stored.clientCertificate, {
    certificate: certificate.trim(),
    privateKey: '********',
    passphrase: '********',
  });
  await api(product.monitorUrl, 'DELETE', `/api/integrations/${id}`);
});

/** A delivery as GitHub sends it: the body signed with HMAC-SHA256 into X-Hub-Signature-256, then `tamper`ed. */
function githubDelivery(url, secret, payload, tamper = (body) => body) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': signature,
    },
    body: tamper(body),
  });
}

test('a schema inferred from a healthy Test answer fills the editor, is saved, and a probe of the API passes it', async () => {
  const name = 'Widgets (inferred schema e2e)';
  await page.goto(`${product.dashboardUrl}/integrations/new`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('URL').fill(`${product.sandboxUrl}/v1/widgets`);
  await page.getByLabel('Paused').check();
  await page.getByRole('button', { name: /^Test/ }).click();
  await page.getByRole('button', { name: 'Use this response as the expected schema' }).click();
  const editor = page.getByLabel('Response JSON Schema');
  const inferred = JSON.parse(await editor.inputValue());
  assert.deepEqual(inferred.required, ['items', 'total']);
  assert.deepEqual(inferred.properties.items.items.properties.price, { type: 'number' });
  assert.deepEqual(inferred.properties.total, { type: 'integer' });
  await page.getByText('✓ Valid JSON Schema').waitFor();
  assert.equal(
    await editor.evaluate((element) => element === document.activeElement),
    true,
    'the editor has focus',
  );
  await page.getByRole('button', { name: 'Show as example' }).click();
  assert.match(await page.locator('.schema-example pre').innerText(), /"price": 0/);
  await screenshots('form-inferred-schema');
  await page.getByRole('button', { name: 'Register integration' }).click();
  await page.waitForURL(/\/integrations\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop();
  const stored = await api(product.monitorUrl, 'GET', `/api/integrations/${id}`);
  assert.deepEqual(stored.responseSchema, inferred);
  const probed = await api(product.monitorUrl, 'POST', `/api/integrations/${id}/probe`);
  assert.equal(probed.status, 'up');
  assert.deepEqual(probed.schemaErrors, []);
  await api(product.monitorUrl, 'DELETE', `/api/integrations/${id}`);
});

test("imports the Petstore's GET /pet/{petId} from its OpenAPI document, tests it against the sandbox and registers it with its schema", async () => {
  // The published Petstore document (a dev dependency), its server pointed at the sandbox, served over HTTP.
  const petstore = JSON.parse(
    await readFile(
      join(root, 'node_modules', '@readme', 'oas-examples', '3.0', 'json', 'petstore.json'),
      'utf8',
    ),
  );
  petstore.servers = [{ url: `${product.sandboxUrl}/v2` }];
  const documents = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(petstore)),
  );
  await new Promise((resolve) => documents.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`${product.dashboardUrl}/integrations/new`);
    await page.getByRole('link', { name: 'Import from OpenAPI' }).click();
    await page.waitForURL(`${product.dashboardUrl}/integrations/import`);
    await page
      .getByLabel('URL of an OpenAPI')
      .fill(`http://127.0.0.1:${documents.address().port}/openapi.json`);
    await page.getByRole('button', { name: 'Read the document' }).click();
    await page.getByRole('heading', { name: /Swagger Petstore/ }).waitFor();
    assert.equal(await page.getByLabel('Base URL').inputValue(), `${product.sandboxUrl}/v2`);
    await page.getByLabel('Search the operations').fill('pet by id');
    await page.getByRole('checkbox', { name: /GET\s*\/pet\/\{petId\}/ }).check();
    await page.getByRole('textbox', { name: '{petId}', exact: true }).fill('7');
    await page.getByRole('button', { name: 'Test getPetById' }).click();
    await page.getByText(/^UP: /).waitFor();
    await screenshots('import');
    await page.getByRole('button', { name: 'Register 1 integration' }).click();
    await page.getByText('Registered:').getByRole('link').click();
    await page.waitForURL(/\/integrations\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop();
    const stored = await api(product.monitorUrl, 'GET', `/api/integrations/${id}`);
    assert.equal(stored.url, `${product.sandboxUrl}/v2/pet/7`);
    assert.deepEqual(stored.expectedStatus, [200]);
    assert.equal(stored.responseSchema.$ref, '#/$defs/Pet');
    await page.goto(`${product.dashboardUrl}/integrations/${id}/edit`);
    assert.match(await page.getByLabel('Response JSON Schema').inputValue(), /"Pet": \{/);
    await api(product.monitorUrl, 'DELETE', `/api/integrations/${id}`);
  } finally {
    documents.close();
  }
});

test('a response whose shape changed is shown as a drift with its fields, accepting the new shape clears it, and a response becomes its schema from its page', async () => {
  const setVersion = (version) =>
    fetch(`${product.sandboxUrl}/v1/orders/latest/version`, {
      method: 'POST',
      body: JSON.stringify({ version }),
    });
  await setVersion(1);
  const created = await api(product.monitorUrl, 'POST', '/api/integrations', {
    name: 'Orders (shape drift e2e)',
    url: `${product.sandboxUrl}/v1/orders/latest`,
    paused: true,
  });
  for (let i = 0; i < 3; i++) await api(product.monitorUrl, 'POST', `/api/integrations/${created.id}/probe`);
  await setVersion(2);
  const drifted = await api(product.monitorUrl, 'POST', `/api/integrations/${created.id}/probe`);
  assert.equal(drifted.status, 'degraded');

  await page.goto(`${product.dashboardUrl}/integrations/${created.id}`);
  await page.getByText('field price changed from number to string').first().waitFor();
  await page.getByRole('link', { name: 'Response shape and its changes' }).click();
  await page.waitForURL(`${product.dashboardUrl}/integrations/${created.id}/shape`);
  const history = page.getByRole('list', { name: 'Shape changes, newest first' });
  await history.getByText('changed from number to string').waitFor();
  await page.getByRole('cell', { name: 'items[].sku' }).waitFor();
  await screenshots('shape-drift');
  await page.getByRole('button', { name: 'Accept the new shape' }).click();
  await history.getByText(/accepted by/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Accept the new shape' }).count(), 0);
  const after = await api(product.monitorUrl, 'POST', `/api/integrations/${created.id}/probe`);
  assert.equal(after.status, 'up');
  await setVersion(1);

  // From the integration's page: a response as its schema, reviewed in the form before it is saved.
  await page.goto(`${product.dashboardUrl}/integrations/${created.id}`);
  await page.getByRole('link', { name: 'Use a response as the expected schema' }).click();
  await page.waitForURL(`${product.dashboardUrl}/integrations/${created.id}/edit?inferSchema=1`);
  await page.getByText('✓ Valid JSON Schema').waitFor();
  const inferred = JSON.parse(await page.getByLabel('Response JSON Schema').inputValue());
  assert.deepEqual(inferred.properties.price, { type: 'number' });
  assert.ok(inferred.required.includes('customer_id'));
  await screenshots('edit-inferred-from-page');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(`${product.dashboardUrl}/integrations/${created.id}`);
  const saved = await api(product.monitorUrl, 'GET', `/api/integrations/${created.id}`);
  assert.deepEqual(saved.responseSchema, inferred);
  await api(product.monitorUrl, 'DELETE', `/api/integrations/${created.id}`);
});

test('an integration a config file manages carries its badge, offers no edit, and goes when the file drops it', async () => {
  const dir = join(ARTIFACTS, 'config');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'e2e-integrations.yaml');
  const config = (text) => writeFile(file, text).then(() => runConfig('apply', file));
  const runConfig = (command, path) =>
    promisify(execFile)(process.execPath, [join(root, 'apps/monitor/dist/cli/config.js'), command, path], {
      env: { PATH: process.env.PATH, ...product.configEnv, WIDGETS_TOKEN: 'widgets-token-e2e' },
    });
  const applied = await config(
    [
      'integrations:',
      '  - name: Widgets (config file e2e)',
      `    url: ${product.sandboxUrl}/v1/widgets`,
      '    auth: { type: bearer, token: "${WIDGETS_TOKEN}" }',
      '    paused: true',
      '',
    ].join('\n'),
  );
  assert.match(applied.stdout, /e2e-integrations\.yaml: 1 to create, 0 to change, 0 to delete/);
  const { items } = await api(product.monitorUrl, 'GET', '/api/integrations?search=config%20file%20e2e');
  const [managed] = items;
  assert.equal(managed.managedBy, 'e2e-integrations.yaml');

  await page.goto(`${product.dashboardUrl}/integrations/${managed.id}`);
  await page.getByText('Managed by e2e-integrations.yaml').first().waitFor();
  const actions = page.getByRole('group', { name: `Actions for ${managed.name}` });
  assert.equal(await actions.getByRole('link', { name: 'Edit' }).count(), 0);
  assert.equal(await actions.getByRole('button', { name: /Delete|Pause|Resume/ }).count(), 0);
  await screenshots('managed-by-file');
  await page.goto(`${product.dashboardUrl}/integrations/${managed.id}/edit`);
  await page.getByText('npm run config -- apply e2e-integrations.yaml').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save changes' }).count(), 0);
  await assert.rejects(
    api(product.monitorUrl, 'PATCH', `/api/integrations/${managed.id}`, { intervalSeconds: 300 }),
    /409.*managed by the config file e2e-integrations\.yaml/,
  );

  const dropped = await config('{}\n');
  assert.match(dropped.stdout, /0 to create, 0 to change, 1 to delete/);
  await assert.rejects(api(product.monitorUrl, 'GET', `/api/integrations/${managed.id}`), /404/);
});

test('webhooks: registered through the form, its receiver URL copied, one signed and one tampered delivery shown', async () => {
  const name = 'GitHub pushes (webhook e2e)';
  const secret = 'e2e-github-webhook-secret';
  await page.goto(`${product.dashboardUrl}/integrations/new`);
  await page.getByRole('radio', { name: 'Inbound webhook' }).check();
  assert.equal(await page.getByLabel('URL', { exact: true }).count(), 0, 'no probe URL for a webhook');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Scheme').selectOption('github');
  await page.getByLabel('Signing secret').fill(secret);
  await screenshots('form-webhook', atFormEnd);
  await page.getByRole('button', { name: 'Register integration' }).click();
  await page.waitForURL(/\/integrations\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('heading', { name: 'Connect GitHub' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Probe now' }).count(), 0, 'a webhook is not probed');

  // The receiver URL: read from its field, and copied with the button (or selected where the clipboard is refused).
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: product.dashboardUrl });
  const field = page.getByLabel('Receiver URL');
  const receiverUrl = await field.inputValue();
  assert.match(receiverUrl, new RegExp(`/api/webhooks/${id}$`));
  await page.getByRole('button', { name: 'Copy' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Copied to the clipboard|Selected: press/ })
    .waitFor();
  if (await page.getByRole('button', { name: 'Copied' }).count())
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), receiverUrl);
  assert.match(await page.locator('.provider-steps').innerText(), /Payload URL: .*\/api\/webhooks\//);

  // The monitor may advertise a public base; these tests reach it on loopback.
  const target = `${product.monitorUrl}${new URL(receiverUrl).pathname}`;
  const accepted = await githubDelivery(target, secret, { ref: 'refs/heads/main', zen: 'accepted' });
  assert.equal(accepted.status, 202, 'a correctly signed delivery is accepted');
  const tampered = await githubDelivery(target, secret, { ref: 'refs/heads/main' }, (body) =>
    body.replace('main', 'evil'),
  );
  assert.equal(tampered.status, 401, 'a body changed after signing is refused');

  await page.reload();
  const deliveries = page.getByRole('region', { name: 'Last deliveries' });
  await deliveries.getByText('accepted', { exact: true }).first().waitFor();
  await deliveries
    .getByText(/signature does not match/)
    .first()
    .waitFor();
  assert.equal(await deliveries.locator('tbody tr').count(), 2);
  await deliveries.locator('details.delivery-payload summary').first().click();
  await page.getByRole('region', { name: 'Delivery rate' }).locator(CHART_SURFACE).waitFor();
  await screenshots('detail-webhook');

  await page.goto(`${product.dashboardUrl}/`);
  const group = page.getByRole('region', { name: /^Misconfigured webhook/ });
  await group.getByRole('link', { name }).waitFor();
  await screenshots('overview-webhook');
  await api(product.monitorUrl, 'DELETE', `/api/integrations/${id}`);
});

test('the Access page: a token shown once, an invited viewer, and the audit log of both', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access' }).click();
  await page.waitForURL(`${product.dashboardUrl}/access`);
  await page.getByText(/with the admin role/).waitFor();

  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByLabel('Name').fill('e2e deploys');
  await tokens.getByLabel('Role').selectOption('editor');
  await tokens.getByRole('button', { name: 'Create token' }).click();
  const shown = tokens.locator('code.shown-once');
  await shown.waitFor();
  const token = await shown.innerText();
  assert.match(token, /^ihm_[A-Za-z0-9_-]{43}$/);
  await tokens.getByRole('cell', { name: 'e2e deploys', exact: true }).waitFor();
  const listed = await api(product.monitorUrl, 'GET', '/api/integrations', undefined, token);
  assert.ok(Array.isArray(listed.items), 'the token shown works against the API');

  const users = page.getByRole('region', { name: 'Users' });
  await users.getByLabel('Email').fill('viewer@example.com');
  await users.getByLabel('Name').fill('Vic Viewer');
  await users.getByLabel('Role').selectOption('viewer');
  await users.getByRole('button', { name: 'Add user' }).click();
  const link = users.locator('code.shown-once');
  await link.waitFor();
  inviteUrl = await link.innerText();
  assert.match(inviteUrl, /\/invite\/ihmi_/);
  await users.getByRole('cell', { name: 'invited (link not used yet)' }).waitFor();

  await page.reload();
  const audit = page.getByRole('region', { name: 'Audit log' });
  await audit.getByRole('cell', { name: 'user.created' }).waitFor();
  await audit.getByRole('cell', { name: 'token.created' }).waitFor();
  assert.doesNotMatch(await audit.innerText(), /ihm_[A-Za-z0-9_-]{20,}/);
  await screenshots('access');
});

test("the API reference shows every route with who may call it and its schemas, from the monitor's document", async () => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'API', exact: true })
    .click();
  await page.waitForURL(`${product.dashboardUrl}/api-reference`);
  const create = page.locator('#postIntegrations');
  await create.getByText('editor or above').waitFor();
  assert.match(await create.innerText(), /POST\s+\/api\/integrations/);
  await create.getByRole('link', { name: 'CreateIntegrationRequest' }).click();
  const schema = page.locator('#schema-CreateIntegrationRequest');
  await schema.locator('summary').click();
  assert.match(await schema.locator('pre').innerText(), /"intervalSeconds"/);
  const served = await (await page.request.get(`${product.dashboardUrl}/api-reference/openapi.json`)).json();
  const direct = await api(product.monitorUrl, 'GET', '/api/openapi.json');
  assert.deepEqual(served, direct, 'the download is the document the monitor serves');
  const operations = Object.values(direct.paths).flatMap((ops) => Object.keys(ops)).length;
  assert.equal(await page.locator('article.api-operation').count(), operations);
  await screenshots('api-reference');
});

test('the invited viewer signs in through the link, reads without edit controls, and a direct write is refused', async () => {
  const other = await browser.newContext({ viewport: WIDTHS.desktop });
  await watchCsp(other);
  try {
    const viewer = await other.newPage();
    viewer.setDefaultTimeout(20_000);
    await viewer.goto(new URL(new URL(inviteUrl).pathname, product.dashboardUrl).href);
    await viewer.getByLabel('New password').fill('viewer-password-1');
    await viewer.getByRole('button', { name: 'Set password and sign in' }).click();
    await viewer.waitForURL(`${product.dashboardUrl}/`);
    // The overview and an integration's page, read-only: no register, pause, probe, edit or delete.
    await viewer.getByRole('heading', { name: 'Overview' }).waitFor();
    const nav = viewer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Access' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Register integration' }).count(), 0);
    assert.equal(await viewer.getByRole('link', { name: 'Register integration' }).count(), 0);
    await viewer.goto(`${product.dashboardUrl}${integrationPath}`);
    await viewer.getByRole('heading', { name: NAME }).waitFor();
    for (const control of ['Probe now', 'Pause', 'Resume', 'Delete…'])
      assert.equal(await viewer.getByRole('button', { name: control }).count(), 0, `no ${control} button`);
    await viewer.screenshot({ path: join(ARTIFACTS, 'viewer-detail-1280.png'), fullPage: true });
    // Straight to the API with the viewer's own session: refused.
    const session = (await other.cookies()).find((cookie) => cookie.name === 'ihm_session');
    assert.ok(session, 'the viewer has a session cookie');
    const write = await fetch(`${product.monitorUrl}/api/integrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.value}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'sneaky', url: 'https://example.com/' }),
    });
    assert.equal(write.status, 403);
    await viewer.goto(`${product.dashboardUrl}/access`);
    await viewer.getByText(/You are Vic Viewer, with the viewer role/).waitFor();
    assert.equal(await viewer.getByRole('region', { name: 'Users' }).count(), 0);
    const roles = await viewer
      .getByRole('region', { name: 'API tokens' })
      .getByLabel('Role')
      .locator('option')
      .allInnerTexts();
    assert.deepEqual(roles, ['viewer']);
    await viewer.screenshot({ path: join(ARTIFACTS, 'access-viewer-1280.png'), fullPage: true });
  } finally {
    await other.close();
  }
});

test('with the monitor down, pages show a clear banner instead of a blank page', async () => {
  await product.stopMonitor();
  await page.goto(`${product.dashboardUrl}/`);
  const banner = page.getByRole('alert').filter({ hasText: 'The monitor is not reachable' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /does not answer/);
  await page.getByText(/^Retrying · last try/).waitFor();
  await page.goto(`${product.dashboardUrl}${integrationPath}`);
  await banner.waitFor();
  await screenshots('monitor-down');
});

test('signing out ends the session, even with the monitor down', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin/);
  await page.goto(`${product.dashboardUrl}/`);
  assert.match(page.url(), /\/signin/);
});

test('no page of these tests broke the Content-Security-Policy', () => {
  assert.deepEqual(cspViolations, []);
});
