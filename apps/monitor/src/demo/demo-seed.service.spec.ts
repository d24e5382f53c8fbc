import { outboundPolicy } from '@ihm/probe';
import type { AlertRule, AlertRulePatch, Channel, ChannelRequest } from '@ihm/contracts';
import { createSandboxServer, RECEIVER_PATH, type ReceivedDelivery } from '@ihm/sandbox';
import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelService } from '../alerting/channels/channel.service';
import { testMessage } from '../alerting/channels/test-message';
import { sendWebhook } from '../alerting/channels/webhook/send';
import { AlertRuleService } from '../alerting/rules/alert-rule.service';
import { parseEnv } from '../config/env.schema';
import type { RuntimeConfig } from '../config/runtime-config';
import type { IntegrationService } from '../integrations/integration.service';
import type { AppSettingRepository } from './app-setting.repository';
import { DEFAULT_ALERT_RULE_ID, DemoSeedService, RECEIVER_CHANNEL_NAME } from './demo-seed.service';

/** app_settings in memory: the first claim of a key wins, as the unique key makes it in Postgres. */
class MemorySettings {
  readonly values = new Map<string, unknown>();
  has(key: string): Promise<boolean> {
    return Promise.resolve(this.values.has(key));
  }
  claim(key: string, value: unknown): Promise<boolean> {
    if (this.values.has(key)) return Promise.resolve(false);
    this.values.set(key, value);
    return Promise.resolve(true);
  }
}

describe(DemoSeedService.name, () => {
  let sandbox: Server;
  let sandboxUrl: string;
  let settings: MemorySettings;
  let created: ChannelRequest[];
  let ruleChanges: { id: string; patch: AlertRulePatch }[];
  let seeder: DemoSeedService;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    sandbox = createSandboxServer();
    await new Promise<void>((resolve) => sandbox.listen(0, '127.0.0.1', resolve));
    sandboxUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => sandbox.close(resolve)));

  beforeEach(() => {
    settings = new MemorySettings();
    created = [];
    ruleChanges = [];
    const channels: Pick<ChannelService, 'create'> = {
      create: (request) => {
        created.push(request);
        return Promise.resolve({ id: `channel-${created.length}` } as Channel);
      },
    };
    const rules: Pick<AlertRuleService, 'get' | 'update'> = {
      get: (id) =>
        Promise.resolve({
          id,
          name: 'Default: 3 consecutive failures',
          channelIds: ['slack-1'],
        } as AlertRule),
      update: (id, patch) => {
        ruleChanges.push({ id, patch });
        return Promise.resolve({} as AlertRule);
      },
    };
    const config = { env: parseEnv({ SANDBOX_URL: sandboxUrl }) } as RuntimeConfig;
    seeder = new DemoSeedService(
      config,
      settings as unknown as AppSettingRepository,
      {} as IntegrationService,
      channels as ChannelService,
      rules as AlertRuleService,
    );
  });

  it('registers a webhook channel to the sandbox receiver on the default rule, once', async () => {
    expect(await seeder.registerReceiverOnce()).toBe(true);
    expect(await seeder.registerReceiverOnce()).toBe(false);

    expect(created).toEqual([
      {
        name: RECEIVER_CHANNEL_NAME,
        type: 'webhook',
        config: { url: `${sandboxUrl}${RECEIVER_PATH}`, secret: expect.stringMatching(/^whsec_/) },
      },
    ]);
    expect(ruleChanges).toEqual([
      { id: DEFAULT_ALERT_RULE_ID, patch: { channelIds: ['slack-1', 'channel-1'] } },
    ]);
  });

  it('registers nothing when another monitor on the database claimed it first', async () => {
    await settings.claim('demo.receiver-channel', { at: new Date().toISOString() });
    expect(await seeder.registerReceiverOnce()).toBe(false);
    expect(created).toEqual([]);
    expect(ruleChanges).toEqual([]);
  });

  it('gives the channel what the sandbox verifies: a notification sent with it arrives verified', async () => {
    await seeder.registerReceiverOnce();
    const channel = created[0];
    if (channel?.type !== 'webhook') throw new Error('no webhook channel registered');
    const { url, secret = '' } = channel.config;

    const outcome = await sendWebhook({ url, secret }, testMessage('channel-1', sandboxUrl, new Date()), {
      outbound: outboundPolicy(true, []), // the sandbox listens on loopback, as in demo mode
    });
    expect(outcome).toMatchObject({ ok: true, status: 204 });
    const received = (await (await fetch(url)).json()) as ReceivedDelivery[];
    expect(received[0]).toMatchObject({ verified: true, type: 'alert.test', category: 'connectivity' });
  });
});
