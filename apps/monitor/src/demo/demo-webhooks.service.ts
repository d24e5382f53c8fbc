import { CreateIntegrationRequestSchema, type WebhookIntegration } from '@ihm/contracts';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { IntegrationService } from '../integrations/integration.service';
import { AppSettingRepository } from './app-setting.repository';
import { requestSandbox } from './sandbox-request';

const SEEDED_KEY = 'demo.webhooks';
const PROVIDER_PATH = '/provider/subscriptions';

/** The demo's webhook integrations and what the sandbox, playing their provider, delivers to each. */
export const DEMO_WEBHOOKS = [
  {
    name: 'Sandbox events (Standard Webhooks)',
    scheme: 'standard',
    plan: ['good'],
    tags: ['demo', 'webhook'],
  },
  {
    name: 'Sandbox payments (Stripe, misconfigured)',
    scheme: 'stripe',
    // A proxy that rewrites the bodies, and replayed old deliveries: what a misconfigured webhook looks like.
    plan: ['tampered', 'stale'],
    tags: ['demo', 'webhook'],
  },
] as const;
const EVERY_SECONDS = 20;
const MAX_SILENCE_SECONDS = 120;

/**
 * Demo mode's inbound webhooks: two webhook integrations registered once per database, and at every start the
 * sandbox subscribed to deliver to their receivers (its subscriptions live in its memory), so the dashboard shows
 * a healthy webhook and a misconfigured one.
 */
@Injectable()
export class DemoWebhooksService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly settings: AppSettingRepository,
    private readonly integrations: IntegrationService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.demo || this.config.env.role === 'worker') return;
    void this.start().catch((error: unknown) =>
      this.logger.warn(`Demo webhooks not set up: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async start(): Promise<number> {
    await this.seedOnce();
    let subscribed = 0;
    for (const demo of DEMO_WEBHOOKS) {
      const [found] = (await this.integrations.list({ search: demo.name, limit: 1, offset: 0 })).items;
      if (found?.kind !== 'webhook' || found.name !== demo.name) continue;
      await this.subscribe(found, demo.plan);
      subscribed += 1;
    }
    if (subscribed) this.logger.log(`Demo mode: the sandbox delivers webhooks to ${subscribed} receivers`);
    return subscribed;
  }

  private async seedOnce(): Promise<void> {
    if (await this.settings.has(SEEDED_KEY)) return;
    if (!(await this.settings.claim(SEEDED_KEY, { at: new Date().toISOString() }))) return;
    for (const demo of DEMO_WEBHOOKS) {
      const definition = CreateIntegrationRequestSchema.parse({
        kind: 'webhook',
        name: demo.name,
        tags: demo.tags,
        webhook: {
          scheme: demo.scheme,
          secret: `whsec_${randomBytes(24).toString('base64')}`,
          maxSilenceSeconds: MAX_SILENCE_SECONDS,
        },
      });
      await this.integrations.create(definition).catch(() => undefined);
    }
  }

  /** Tells the sandbox to deliver to the receiver, signed with the secret only the monitor and it know. */
  private async subscribe(integration: WebhookIntegration, plan: readonly string[]): Promise<void> {
    const definition = await this.integrations.getDefinition(integration.id);
    if (definition.kind !== 'webhook') return;
    const body = JSON.stringify({
      url: integration.receiverUrl,
      scheme: definition.webhook.scheme,
      secret: definition.webhook.secret,
      hmac: definition.webhook.hmac,
      plan,
      everySeconds: EVERY_SECONDS,
    });
    await requestSandbox(new URL(PROVIDER_PATH, this.config.env.sandboxUrl), { method: 'POST', body });
  }
}
