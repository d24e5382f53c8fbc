import { ChannelRequestSchema, CreateIntegrationRequestSchema } from '@ihm/contracts';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ChannelService } from '../alerting/channels/channel.service';
import { AlertRuleService } from '../alerting/rules/alert-rule.service';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { IntegrationService } from '../integrations/integration.service';
import { AppSettingRepository } from './app-setting.repository';
import { requestSandbox } from './sandbox-request';

const SEEDED_KEY = 'demo.seeded';
// Its own marker, so that a database seeded before the receiver existed gets the channel too.
const RECEIVER_KEY = 'demo.receiver-channel';
const RECEIVER_PATH = '/receiver/webhook';
export const RECEIVER_CHANNEL_NAME = 'Sandbox receiver (demo)';
/** The rule the alerting migration creates (3 consecutive failures of any integration). */
export const DEFAULT_ALERT_RULE_ID = '00000000-0000-4000-8000-0000000a1e47';

/**
 * Demo mode: registers one integration per sandbox route and a webhook channel to the sandbox's receiver on the
 * default alert rule, each once per database (a marker row remembers it), so a first start shows real failures,
 * their alerts arriving signed, and a restart adds no duplicates.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly settings: AppSettingRepository,
    private readonly integrations: IntegrationService,
    private readonly channels: ChannelService,
    private readonly rules: AlertRuleService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.demo) return;
    // In the background: the API must not wait for the sandbox to come up.
    this.inBackground('Demo receiver channel', () => this.registerReceiverOnce());
    this.inBackground('Demo integrations', () => this.seedOnce());
  }

  /**
   * The webhook channel to the sandbox's receiver, signed with the secret the receiver verifies with, added to
   * the default rule's channels. Through the alerting services, so the channel is validated and its secret sealed.
   */
  async registerReceiverOnce(): Promise<boolean> {
    if (await this.settings.has(RECEIVER_KEY)) return false;
    const url = new URL(RECEIVER_PATH, this.config.env.sandboxUrl).toString();
    if (!(await this.settings.claim(RECEIVER_KEY, { at: new Date().toISOString(), url }))) return false;
    const channel = await this.channels.create(
      ChannelRequestSchema.parse({
        name: RECEIVER_CHANNEL_NAME,
        type: 'webhook',
        config: { url, secret: this.config.env.sandboxReceiverSecret },
      }),
    );
    const rule = await this.rules.get(DEFAULT_ALERT_RULE_ID);
    await this.rules.update(rule.id, { channelIds: [...rule.channelIds, channel.id] });
    this.logger.log(`Demo mode: alerts of "${rule.name}" are sent to ${url}`);
    return true;
  }

  async seedOnce(): Promise<number> {
    if (await this.settings.has(SEEDED_KEY)) return 0;
    const catalog = await this.fetchCatalog();
    const marker = { at: new Date().toISOString(), sandboxUrl: this.config.env.sandboxUrl };
    // Another monitor on the same database may have claimed the seeding first.
    if (!(await this.settings.claim(SEEDED_KEY, marker))) return 0;
    let created = 0;
    for (const entry of catalog) {
      const definition = CreateIntegrationRequestSchema.safeParse(entry.integration);
      if (!definition.success) continue;
      await this.integrations.create(definition.data).then(
        () => (created += 1),
        () => undefined,
      );
    }
    this.logger.log(
      `Demo mode: registered ${created} sandbox integrations from ${this.config.env.sandboxUrl}`,
    );
    return created;
  }

  private inBackground(what: string, task: () => Promise<unknown>): void {
    void task().catch((error: unknown) =>
      this.logger.warn(`${what} not registered: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  private async fetchCatalog(): Promise<{ integration: unknown }[]> {
    const response = await requestSandbox(new URL('/catalog', this.config.env.sandboxUrl));
    return (await response.json()) as { integration: unknown }[];
  }
}
