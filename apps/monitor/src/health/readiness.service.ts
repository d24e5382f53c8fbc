import { Injectable } from '@nestjs/common';
import { ReadinessRepository } from './readiness.repository';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Ready: the database answers and every migration this build ships is applied. */
@Injectable()
export class ReadinessService {
  constructor(private readonly repository: ReadinessRepository) {}

  async check(): Promise<Readiness> {
    let applied: Set<string>;
    try {
      applied = await this.repository.appliedMigrations();
    } catch {
      return { ready: false, reason: 'database unreachable' };
    }
    const pending = (await this.repository.shippedMigrations()).filter((name) => !applied.has(name));
    return pending.length === 0
      ? { ready: true }
      : { ready: false, reason: `migrations not applied: ${pending.join(', ')}` };
  }
}
