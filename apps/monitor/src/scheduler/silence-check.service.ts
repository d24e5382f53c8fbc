import type { WebhookIntegrationDefinition } from '@ihm/contracts';
import { activeSecondsBetween, afterActiveSeconds, silenceFinding, toVerdict } from '@ihm/diagnosis';
import { Injectable } from '@nestjs/common';
import { ResultPipeline } from '../pipeline/result-pipeline';
import { ScheduleRepository } from './schedule.repository';
import { webhookResult } from '../webhooks/webhook-result';

/** A webhook integration's schedule as the scheduler claimed it. */
export interface ClaimedSilence {
  integrationId: string;
  /** The last accepted delivery; null before the first. */
  lastDeliveryAt: Date | null;
  createdAt: Date;
  /** The worker that claimed it. */
  leaseOwner: string;
}

/**
 * The cadence check of a webhook integration, on the scheduler's clock: its schedule falls due when the silence
 * window would run out, and every accepted delivery pushes it on. Claimed under the scheduler's lease, so one
 * worker reports a silence, once per window while it lasts.
 */
@Injectable()
export class SilenceCheck {
  constructor(
    private readonly pipeline: ResultPipeline,
    private readonly schedules: ScheduleRepository,
  ) {}

  async run(
    definition: WebhookIntegrationDefinition,
    claimed: ClaimedSilence,
    now = new Date(),
  ): Promise<void> {
    const { maxSilenceSeconds, activeHours } = definition.webhook;
    const since = claimed.lastDeliveryAt ?? claimed.createdAt;
    const deadline = afterActiveSeconds(since, maxSilenceSeconds, activeHours);
    if (deadline > now) {
      // A delivery moved the window on after the claim was made: nothing to report yet.
      await this.schedules.reschedule(claimed.integrationId, claimed.leaseOwner, deadline);
      return;
    }
    const finding = silenceFinding({
      silentSeconds: activeSecondsBetween(since, now, activeHours),
      maxSilenceSeconds,
      lastDeliveryAt: claimed.lastDeliveryAt,
      workingHoursOnly: activeHours !== null,
    });
    const schedule = {
      nextDueAt: afterActiveSeconds(now, maxSilenceSeconds, activeHours),
      leaseOwner: claimed.leaseOwner,
    };
    await this.pipeline.process(
      { kind: 'scheduled', integrationId: claimed.integrationId, schedule },
      webhookResult(now, toVerdict(finding)),
    );
  }
}
