// End to end, alerting: the dashboard in Debian's Chromium against the real monitor (TEST_DATABASE_URL, else its
// embedded PostgreSQL) and the sandbox, with a real local webhook receiver that verifies every notification's
// Standard Webhooks signature. A channel is created and tested, attached to the default rule, an integration
// fails until its alert fires, the alert is acknowledged, then the integration recovers and the alert resolves;
// the channel's page logs both deliveries, and a silence is added, then edited.
// Screenshots of every alerting page at 1280 and 390 px go to e2e-artifacts/.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../scripts/lib/browser.mjs';
import { ADMIN_PASSWORD, api, startProduct } from '../scripts/lib/product.mjs';
import { root } from '../scripts/lib/stack.mjs';
import { startWebhookReceiver } from './webhook-receiver.mjs';

const ARTIFACTS = join(root, 'e2e-artifacts');
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
const CHANNEL = 'E2E receiver';
const INTEGRATION = 'Billing API (alerts e2e)';
/** The default rule fires after this many failures in a row. */
const FAILURES_TO_FIRE = 3;

let product;
let receiver;
let browser;
let page;
let integrationId;

/** Full-page screenshots at 1280 px and 390 px of what the page shows now. */
async function screenshots(name) {
  for (const viewport of Object.values(WIDTHS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(ARTIFACTS, `alerts-${name}-${viewport.width}.png`), fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

/** The alert row of the integration in one section of a list of alerts. */
const alertRow = (section) =>
  page.getByRole('region', { name: new RegExp(`^${section}`) }).locator('li', { hasText: INTEGRATION });

/** Waits until the integration has this many stored results: each Probe now adds one. */
async function resultsStored(count) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await api(product.monitorUrl, 'GET', `/api/integrations/${integrationId}/results?limit=50`);
    if (page.items.length >= count) return;
    if (Date.now() > deadline) throw new Error(`${page.items.length} of ${count} results stored`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  receiver = await startWebhookReceiver();
  // Notifications are grouped for ALERT_GROUP_WAIT_SECONDS (30 by default): one second keeps the test short.
  product = await startProduct({
    name: 'alerts-e2e',
    adminUrl: process.env.TEST_DATABASE_URL,
    monitorEnv: { ALERT_GROUP_WAIT_SECONDS: '1' },
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: WIDTHS.desktop })).newPage();
  page.setDefaultTimeout(20_000);
});

after(async () => {
  await browser?.close();
  await product?.stop();
  await receiver?.close();
});

test('signs in on the way to the Alerts page, which says nothing has fired', async () => {
  await page.goto(`${product.dashboardUrl}/alerts`);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${product.dashboardUrl}/alerts`);
  await page.getByRole('heading', { name: 'No alerts' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).waitFor();
  await screenshots('empty');
});

test('a webhook channel: the API’s field errors inline, then the generated secret shown once', async () => {
  await page.getByRole('navigation', { name: 'Alerting' }).getByRole('link', { name: 'Channels' }).click();
  await page.getByRole('heading', { name: 'No channels yet' }).waitFor();
  await page.getByRole('link', { name: 'Add channel' }).click();
  await page.getByLabel('Name').fill(CHANNEL);
  await page.getByLabel('URL').fill('not a url');
  await page.getByRole('button', { name: 'Add channel' }).click();
  await page.getByRole('alert').filter({ hasText: 'The request body is invalid' }).waitFor();
  const url = page.getByLabel('URL');
  assert.equal(await url.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`#${await url.getAttribute('id')}-error`).innerText(), /URL/);
  await screenshots('channel-form-errors');

  await url.fill(receiver.url);
  await page.getByRole('button', { name: 'Add channel' }).click();
  await page.getByRole('heading', { name: `${CHANNEL} is saved: copy its signing secret now` }).waitFor();
  const secret = (await page.getByLabel('Signing secret', { exact: true }).innerText()).trim();
  assert.match(secret, /^whsec_[A-Za-z0-9+/=]+$/);
  receiver.setSecret(secret);
  await screenshots('channel-secret');
  await page.getByRole('link', { name: 'Done' }).click();
  await page.waitForURL(/\/alerts\/channels$/);
});

test('Send test shows what the receiver answered to a correctly signed test notification', async () => {
  await page.getByRole('button', { name: `Send a test notification to ${CHANNEL}` }).click();
  const answer = page.getByRole('status', { name: `Test of ${CHANNEL}` });
  await answer.getByText('✓ Delivered').waitFor();
  assert.match(await answer.innerText(), /HTTP 200/);
  assert.match(await answer.innerText(), /verified alert\.test/);
  const delivery = await receiver.waitFor('alert.test');
  assert.ok(delivery.headers['webhook-signature'], 'the test is signed');
  await screenshots('channels');

  await page.getByRole('link', { name: `Edit ${CHANNEL}` }).click();
  await page.getByLabel('URL').waitFor();
  assert.equal(await page.getByLabel('URL').inputValue(), receiver.url);
  assert.equal(await page.getByLabel('Signing secret').inputValue(), '', 'a stored secret never comes back');
  await page.getByText('Stored — leave empty to keep, type to replace.').waitFor();
  await screenshots('channel-edit');
  await page.getByRole('link', { name: '← Channels' }).click();
  await page.waitForURL(/\/alerts\/channels$/);
});

test('the default rule sends to the channel once it is ticked', async () => {
  await page.getByRole('navigation', { name: 'Alerting' }).getByRole('link', { name: 'Rules' }).click();
  await page.getByRole('link', { name: 'Add rule' }).click();
  await page.getByLabel('Fires when').selectOption('Failure ratio');
  await page.getByLabel('Failed probes (%)').waitFor();
  await screenshots('rule-new');
  await page.goBack();
  const rule = page.getByRole('listitem').filter({ hasText: '3 consecutive failures' });
  await rule.waitFor();
  await rule.getByRole('link', { name: /^Edit/ }).click();
  await page.getByRole('checkbox', { name: CHANNEL }).check();
  await screenshots('rule-form');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(/\/alerts\/rules$/);
  await page.getByRole('listitem').filter({ hasText: '3 consecutive failures' }).getByText(CHANNEL).waitFor();
  await screenshots('rules');
});

test('an integration that keeps failing fires an alert: on the Alerts page and, signed, at the receiver', async () => {
  const integration = await api(product.monitorUrl, 'POST', '/api/integrations', {
    name: INTEGRATION,
    url: `${product.sandboxUrl}/auth/expired-token`,
    intervalSeconds: 3600,
  });
  integrationId = integration.id;
  await page.goto(`${product.dashboardUrl}/integrations/${integrationId}`);
  for (let probe = 1; probe <= FAILURES_TO_FIRE; probe += 1) {
    await page.getByRole('button', { name: 'Probe now' }).click();
    await resultsStored(probe);
  }
  const firing = await receiver.waitFor('alert.firing');
  assert.equal(firing.json.integrations[0].name, INTEGRATION);
  assert.equal(firing.json.alert.category, 'authentication');

  await page.goto(`${product.dashboardUrl}/alerts`);
  const row = alertRow('Firing');
  await row.getByRole('link', { name: INTEGRATION }).waitFor();
  assert.match(await row.innerText(), /Authentication/);
  await screenshots('firing');
});

test('the overview counts the firing alert and links to it', async () => {
  await page.goto(`${product.dashboardUrl}/`);
  await page.getByRole('link', { name: '1 alert firing' }).click();
  await page.waitForURL(/\/alerts\?state=firing$/);
  await alertRow('Firing').waitFor();
});

test('acknowledging in the UI marks the alert, and its page shows who and the delivery attempts', async () => {
  await alertRow('Firing')
    .getByRole('button', { name: `Acknowledge ${INTEGRATION}` })
    .click();
  await alertRow('Firing').getByText('acknowledged').waitFor();
  assert.equal(
    await alertRow('Firing')
      .getByRole('button', { name: /^Acknowledge/ })
      .count(),
    0,
  );

  await alertRow('Firing')
    .getByRole('link', { name: /expired|401|token/i })
    .click();
  await page.getByRole('heading', { level: 1, name: INTEGRATION }).waitFor();
  const facts = page.getByRole('region', { name: 'Alert', exact: true });
  assert.match(await facts.innerText(), /Acknowledged\s+by admin/);
  const timeline = page.getByRole('region', { name: 'Notifications and delivery attempts' });
  const attempt = timeline.getByRole('row').filter({ hasText: 'Firing notification' });
  await attempt.waitFor();
  assert.match(await attempt.innerText(), new RegExp(`${CHANNEL}\\s+delivered\\s+200`));
  assert.ok((await page.getByRole('region', { name: 'Diagnosis' }).getByRole('listitem').count()) >= 3);
  await screenshots('detail');
});

test('the integration page streams its alerts', async () => {
  await page.goto(`${product.dashboardUrl}/integrations/${integrationId}`);
  const section = page.getByRole('region', { name: 'Alerts', exact: true });
  await section.getByRole('region', { name: /^Firing/ }).waitFor();
  assert.match(await section.innerText(), /acknowledged/);
  await screenshots('integration');
});

test('pointing the integration at a healthy route resolves the alert: in the UI and at the receiver', async () => {
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('URL').fill(`${product.sandboxUrl}/v1/widgets`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(new RegExp(`/integrations/${integrationId}$`));
  await page.getByRole('button', { name: 'Probe now' }).click();

  const resolved = await receiver.waitFor('alert.resolved');
  assert.equal(resolved.json.alert.state, 'resolved');
  await page.goto(`${product.dashboardUrl}/alerts`);
  await alertRow('Recently resolved').getByRole('link', { name: INTEGRATION }).waitFor();
  assert.equal(await page.getByRole('region', { name: /^Firing/ }).count(), 0);
  assert.ok(
    receiver.deliveries.every((delivery) => delivery.verified),
    'every delivery was correctly signed',
  );
  await screenshots('resolved');
});

test('the channel’s page logs the firing and the resolved deliveries, each answered 200', async () => {
  await page.getByRole('navigation', { name: 'Alerting' }).getByRole('link', { name: 'Channels' }).click();
  await page.getByRole('link', { name: CHANNEL, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: CHANNEL }).waitFor();
  assert.match(await page.getByRole('region', { name: 'Channel', exact: true }).innerText(), /healthy/i);
  const log = page.getByRole('region', { name: 'Delivery log' });
  for (const kind of ['Firing notification', 'Resolved notification']) {
    const row = log.getByRole('row').filter({ hasText: kind });
    await row.waitFor();
    assert.match(await row.innerText(), /delivered\s+200/);
    assert.match(
      await row.getByRole('link', { name: INTEGRATION }).getAttribute('href'),
      /^\/alerts\/[\w-]+$/,
    );
  }
  await screenshots('channel');
  await page.getByRole('link', { name: '← Channels' }).click();
  await page.waitForURL(/\/alerts\/channels$/);
});

test('a weekly maintenance window is added and listed in the agenda', async () => {
  await page.getByRole('navigation', { name: 'Alerting' }).getByRole('link', { name: 'Silences' }).click();
  await page.getByRole('heading', { name: 'No silences' }).waitFor();
  await page.getByRole('link', { name: 'Add silence' }).click();
  await page.getByLabel('Comment').fill('Billing provider maintenance (e2e)');
  await page.getByLabel('Tags').fill('billing');
  await page.getByLabel('Repeat weekly').check();
  await page.getByLabel('Day of window 1').selectOption('Saturday');
  await screenshots('silence-form');
  await page.getByRole('button', { name: 'Add silence' }).click();
  await page.waitForURL(/\/alerts\/silences$/);
  const card = page.getByRole('listitem').filter({ hasText: 'Billing provider maintenance (e2e)' });
  await card.waitFor();
  assert.match(await card.innerText(), /Saturday 22:00–02:00 \(next day\) UTC/);
  assert.match(await card.innerText(), /Integrations tagged billing/);
  await screenshots('silences');
});

test('a silence’s comment is edited in its prefilled form and the agenda shows the new one', async () => {
  await page.getByRole('link', { name: 'Edit Billing provider maintenance (e2e)' }).click();
  const comment = page.getByLabel('Comment');
  await page.getByRole('button', { name: 'Save changes' }).waitFor();
  assert.equal(await comment.inputValue(), 'Billing provider maintenance (e2e)');
  assert.equal(await page.getByLabel('Tags').inputValue(), 'billing');
  assert.ok(await page.getByLabel('Repeat weekly').isChecked());
  await comment.fill('Billing provider maintenance, moved (e2e)');
  await screenshots('silence-edit');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(/\/alerts\/silences$/);
  const card = page.getByRole('listitem').filter({ hasText: 'Billing provider maintenance, moved (e2e)' });
  await card.waitFor();
  assert.match(await card.innerText(), /Saturday 22:00–02:00 \(next day\) UTC/);
  assert.equal(await page.getByText('Billing provider maintenance (e2e)', { exact: true }).count(), 0);
});

test('the Alerts page in the dark theme', async () => {
  await page.goto(`${product.dashboardUrl}/alerts`);
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
  await alertRow('Recently resolved').waitFor();
  await screenshots('resolved-dark');
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
});
