import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { FIRST_ADMIN_LOGIN, UserRepository } from './user.repository';
import { hashPassword, verifyPassword } from './password-hash';

/**
 * Makes the first admin's (login `admin`) password hash match ADMIN_PASSWORD, or, without it, generates a password
 * the first time any API process starts on this database.
 */
@Injectable()
export class AdminPasswordBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');
  private generated: string | null = null;

  constructor(
    private readonly users: UserRepository,
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
    const stored = (await this.users.findByEmail(FIRST_ADMIN_LOGIN))?.passwordHash ?? null;
    if (stored && (await verifyPassword(password, stored))) return;
    await this.users.resetFirstAdmin(await hashPassword(password));
    if (stored)
      this.logger.log("ADMIN_PASSWORD changed: stored its hash and signed the admin's sessions out");
  }

  private async generateIfMissing(): Promise<void> {
    if (await this.users.findByEmail(FIRST_ADMIN_LOGIN)) return;
    const password = randomBytes(15).toString('base64url');
    if (await this.users.insertFirstAdminIfMissing(await hashPassword(password))) this.generated = password;
  }
}
