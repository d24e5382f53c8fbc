import { outboundPolicy } from '@ihm/probe';
import { AlertmanagerServer } from '../../../../test/receivers/alertmanager-server';
import { channelMessage, groupedIntegrations } from '../../../../test/receivers/channel-message.fixture';
import { WebhookReceiver } from '../../../../test/receivers/webhook-receiver';
import type { ChannelMessage } from '../channel-message';
import { sendAlertmanager } from './send';

/** The test receivers listen on loopback, which the outbound guard refuses unless allowed. */
const LOOPBACK = outboundPolicy(true, []);

interface ListedAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  endsAt: string;
  status: { state: string };
}

/** A message of now: Alertmanager takes an alert whose endsAt has passed for resolved. */
function firingNow(overrides: Partial<ChannelMessage> = {}): ChannelMessage {
  const at = new Date();
  const base = channelMessage();
  return channelMessage({
    at,
    alert: { ...base.alert, startedAt: new Date(at.getTime() - 60_000) },
    ...overrides,
  });
}

function resolvedNow(firing: ChannelMessage): ChannelMessage {
  const at = new Date();
  const { id, integrations, url, summary } = firing;
  return channelMessage({
    id,
    integrations,
    url,
    summary,
    type: 'alert.resolved',
    at,
    alert: { ...firing.alert, state: 'resolved', resolvedAt: at },
  });
}

describe(sendAlertmanager.name, () => {
  let alertmanager: AlertmanagerServer;
  beforeAll(async () => {
    alertmanager = await AlertmanagerServer.start();
  }, 15_000);
  afterAll(() => alertmanager?.stop());

  const listed = async (query = '') => (await alertmanager.alerts(query)) as ListedAlert[];
  const byIntegration = (alerts: ListedAlert[], name: string) =>
    alerts.find((alert) => alert.labels['integration'] === name);

  it('fires an alert that Alertmanager lists as active with its labels, and resolves it', async () => {
    const firing = firingNow();
    expect(await sendAlertmanager({ url: alertmanager.url }, firing, { outbound: LOOPBACK })).toMatchObject({
      ok: true,
      status: 200,
      error: null,
      gone: false,
    });
    const alert = byIntegration(await listed(), 'Payments API');
    expect(alert).toMatchObject({
      labels: {
        alertname: 'IntegrationUnhealthy',
        integration: 'Payments API',
        category: 'authentication',
        severity: 'critical',
        rule: 'Three failures in a row',
      },
      annotations: { description: firing.alert.message },
      status: { state: 'active' },
    });
    expect(Date.parse(alert?.endsAt ?? '')).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    expect(
      (await sendAlertmanager({ url: `${alertmanager.url}/` }, resolvedNow(firing), { outbound: LOOPBACK }))
        .ok,
    ).toBe(true);
    expect(byIntegration(await listed('?active=true'), 'Payments API')).toBeUndefined();
  });

  it('lists each integration of a group as an alert of its own', async () => {
    const integrations = groupedIntegrations(3);
    const firing = firingNow({
      integrations,
      alert: { ...channelMessage().alert, category: 'connectivity' },
    });
    expect((await sendAlertmanager({ url: alertmanager.url }, firing, { outbound: LOOPBACK })).ok).toBe(true);
    const alerts = await listed('?active=true');
    for (const { name } of integrations) {
      expect(byIntegration(alerts, name)).toMatchObject({ labels: { category: 'connectivity' } });
    }
    await sendAlertmanager({ url: alertmanager.url }, resolvedNow(firing), { outbound: LOOPBACK });
    const left = await listed('?active=true');
    expect(integrations.filter(({ name }) => byIntegration(left, name))).toEqual([]);
  });

  it("answers Alertmanager's refusal as an outcome", async () => {
    const receiver = await WebhookReceiver.start({ reply: { status: 400, body: '{"code":400}' } });
    try {
      const outcome = await sendAlertmanager({ url: receiver.url('/am') }, firingNow(), {
        outbound: LOOPBACK,
      });
      expect(outcome).toMatchObject({ ok: false, status: 400, error: 'HTTP 400', gone: false });
      expect(receiver.deliveries[0]?.path).toBe('/am/api/v2/alerts');
    } finally {
      await receiver.close();
    }
  });
});
