import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config';
import { AlertRepository } from './alert.repository';

const DAY_MS = 86_400_000;

/** Forgets resolved alerts older than ALERT_RETENTION_DAYS, hourly, on processes that run the workers. */
@Injectable()
export class AlertRetention {
  private readonly logger = new Logger('Alerts');

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly alerts: AlertRepository,
  ) {}

  @Interval(3_600_000)
  async apply(now = new Date()): Promise<number> {
    if (this.config.env.role === 'api') return 0;
    const before = new Date(now.getTime() - this.config.env.alertRetentionDays * DAY_MS);
    try {
      const deleted = await this.alerts.deleteResolvedBefore(before);
      if (deleted > 0)
        this.logger.log(`Retention: removed ${deleted} alert(s) resolved before ${before.toISOString()}`);
      return deleted;
    } catch (error) {
      this.logger.warn(
        `Alert retention not applied: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 0;
    }
  }
}
