import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { AdminAccountRepository } from './admin-account.repository';
import { hashPassword, verifyPassword } from './password-hash';

/**
 * Makes the stored admin password hash match ADMIN_PASSWORD, or, without it, generates a password the first
 * time any API process starts on this database.
 */
@Injectable()
export class AdminPasswordBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');
  private generated: string | null = null;

  constructor(
    private readonly account: AdminAccountRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** The password this process generated and stored, for main.ts to print once; null otherwise. */
  get generatedPassword(): string | null {
    return this.generated;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { role, adminPassword } = this.config.env;
    if (role === 'worker') return;
    if (adminPassword) await this.applyConfigured(adminPassword);
    else await this.generateIfMissing();
  }

  private async applyConfigured(password: string): Promise<void> {
    const stored = await this.account.passwordHash();
    if (stored && (await verifyPassword(password, stored))) return;
    await this.account.replacePassword(await hashPassword(password));
    if (stored) this.logger.log('ADMIN_PASSWORD changed: stored its hash and signed every session out');
  }

  private async generateIfMissing(): Promise<void> {
    if (await this.account.passwordHash()) return;
    const password = randomBytes(15).toString('base64url');
    if (await this.account.insertIfMissing(await hashPassword(password))) this.generated = password;
  }
}
