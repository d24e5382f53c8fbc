import { releaseHeld } from '@ihm/diagnosis';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config';
import { AlertEvaluationRepository } from '../evaluation/alert-evaluation.repository';
import { NotificationPlanner } from '../evaluation/notification-planner';
import { SilenceService } from './silence.service';

/** Checks this often whether a silence that held notifications is over: they are sent within this of its end. */
const RELEASE_EVERY_MS = 5_000;

/**
 * Sends what silences held once they are over (ended, deleted, or outside their weekly window): per alert one
 * notification stating the truth then, decided by libs/diagnosis's releaseHeld. Runs beside delivery (not on
 * ROLE=api); workers take turns on the held rows.
 */
@Injectable()
export class SilenceReleaser {
  private readonly logger = new Logger('Silences');
  private releasing = false;

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly silences: SilenceService,
    private readonly repository: AlertEvaluationRepository,
    private readonly planner: NotificationPlanner,
  ) {}

  @Interval(RELEASE_EVERY_MS)
  async release(): Promise<void> {
    if (this.config.env.role === 'api' || this.releasing) return;
    this.releasing = true;
    try {
      const silences = await this.silences.current();
      const now = new Date();
      await this.repository.releaseHeld(
        (held, alerts) => releaseHeld(held, alerts, silences, now),
        this.planner.outboxEntry,
      );
    } catch (error) {
      this.logger.warn(
        `Held notifications not released yet: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.releasing = false;
    }
  }
}
