import { CreateIntegrationRequestSchema } from '@ihm/contracts';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { IntegrationService } from '../integrations/integration.service';
import { AppSettingRepository } from './app-setting.repository';

const SEEDED_KEY = 'demo.seeded';
const CATALOG_ATTEMPTS = 30;
const CATALOG_RETRY_MS = 1000;

/**
 * Demo mode: registers one integration per sandbox route, once per database (a marker row remembers it),
 * so a first start shows real failures and a restart adds no duplicates.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly settings: AppSettingRepository,
    private readonly integrations: IntegrationService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.demo) return;
    // In the background: the API must not wait for the sandbox to come up.
    void this.seedOnce().catch((error: unknown) =>
      this.logger.warn(
        `Demo integrations not registered: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
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

  private async fetchCatalog(): Promise<{ integration: unknown }[]> {
    const url = new URL('/catalog', this.config.env.sandboxUrl);
    let lastError: unknown;
    for (let attempt = 0; attempt < CATALOG_ATTEMPTS; attempt += 1) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return (await response.json()) as { integration: unknown }[];
        lastError = new Error(`${url} answered ${response.status}`);
      } catch (error) {
        lastError = error;
      }
      await new Promise((resolve) => setTimeout(resolve, CATALOG_RETRY_MS));
    }
    throw new Error(
      `sandbox catalog unreachable at ${url}: ${lastError instanceof Error ? lastError.message : ''}`,
    );
  }
}
