import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { MonitorError } from '../../common/monitor-error';
import { KEEP_FOR_RESULTS_MS, shutdownClock } from '../../common/shutdown-clock';
import { workerId } from '../../common/worker-id';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config';
import { MetricsService } from '../../metrics/metrics.service';
import type { ChannelMessage } from '../channels/channel-message';
import { withoutAnswer, type DeliveryOutcome } from '../channels/delivery-outcome';
import { ChannelService } from '../channels/channel.service';
import { fromStoredJson } from '../evaluation/stored-json';
import { groupedMessage } from './grouped-message';
import { NotificationRepository, type ClaimedNotification } from './notification.repository';
import { nextAttempt } from './retry-policy';

const TICK_MS = 500;
/** Deliveries one process runs at once: a receiver that hangs holds one of these, never probing. */
const MAX_IN_FLIGHT = 16;
/** Longer than a send can take (ALERT_SEND_TIMEOUT_SECONDS), so a live worker's claim never lapses mid-send. */
const leaseMs = (sendTimeoutMs: number) => 3 * sendTimeoutMs + 5000;
/** On SIGTERM, sends in flight get this long to finish; the rest are released to other workers. */
const SHUTDOWN_GRACE_MS = 3000;

/**
 * Delivers the outbox: claims due notifications (SKIP LOCKED, leases) with their groups, sends each group as one
 * message through its channel, logs every attempt, and retries failures with backoff until they are delivered or
 * a day has passed. A worker killed mid-send leaves its claim to lapse, and another (or itself, restarted) sends
 * it again with the same id.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Delivery');
  private readonly owner = workerId();
  private readonly inflight = new Map<bigint, AbortController>();
  private running = false;
  private ticking = false;

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly notifications: NotificationRepository,
    private readonly channels: ChannelService,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.config.env.role !== 'api';
  }

  @Interval(TICK_MS)
  async tick(): Promise<void> {
    if (!this.running || this.ticking) return;
    this.ticking = true;
    try {
      const free = MAX_IN_FLIGHT - this.inflight.size;
      if (free <= 0) return;
      const { alertSendTimeoutMs, alertGroupWaitSeconds } = this.config.env;
      const claimed = await this.notifications.claim(
        this.owner,
        free,
        leaseMs(alertSendTimeoutMs),
        alertGroupWaitSeconds * 1000,
      );
      for (const notification of claimed) this.start(notification);
    } catch (error) {
      this.logger.warn(
        `Could not claim notifications: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.ticking = false;
    }
  }

  private start(notification: ClaimedNotification): void {
    const controller = new AbortController();
    this.inflight.set(notification.id, controller);
    this.deliver(notification, controller.signal)
      .catch((error: unknown) =>
        this.logger.error(
          `Delivery of notification ${notification.id} failed unexpectedly: ${String(error)}`,
        ),
      )
      .finally(() => this.inflight.delete(notification.id));
  }

  private async deliver(notification: ClaimedNotification, signal: AbortSignal): Promise<void> {
    const at = new Date();
    const started = performance.now();
    const outcome = await this.send(notification, signal, at);
    // Cut short by shutdown: the claim is released instead, and the attempt is not one (a send that got through
    // before the abort is still recorded as delivered).
    if (signal.aborted && !outcome.ok) return;
    const attempt = {
      at,
      outcome: outcome.ok ? ('delivered' as const) : ('failed' as const),
      status: outcome.status,
      error: outcome.error,
      durationMs: performance.now() - started,
    };
    this.metrics.notifications.inc({ channel_type: notification.channelType, outcome: attempt.outcome });
    const ids = notification.members.map((member) => member.id);
    if (outcome.ok) return this.notifications.delivered(ids, attempt);
    if (outcome.gone)
      return this.notifications.disableChannel(
        ids,
        attempt,
        notification.channelId,
        `the receiver answered ${outcome.status ?? 'gone'}: it no longer takes deliveries`,
      );
    const next = nextAttempt(
      { attempts: notification.attempts + 1, retryAfterSeconds: outcome.retryAfterSeconds },
      notification.createdAt,
      at,
    );
    await this.notifications.failed(ids, attempt, 'retryAt' in next ? next.retryAt : null);
    if (!('retryAt' in next))
      this.logger.error(
        `Gave up notification ${notification.id} to channel ${notification.channelId} after a day`,
      );
  }

  /** One attempt; a channel whose secrets cannot be opened is a failed attempt like any other, logged and retried. */
  private async send(
    notification: ClaimedNotification,
    signal: AbortSignal,
    now: Date,
  ): Promise<DeliveryOutcome> {
    let channel;
    try {
      channel = this.channels.sendable({
        id: notification.channelId,
        type: notification.channelType,
        maskedConfig: notification.channelConfig as Record<string, unknown>,
        sealedSecrets: notification.channelSecrets,
      });
    } catch (error) {
      if (!(error instanceof MonitorError)) throw error;
      return withoutAnswer(
        `the channel's secrets cannot be opened (sealed under another ENCRYPTION_KEY?): ${error.message}`,
      );
    }
    const message = groupedMessage(
      notification.members.map((member) => fromStoredJson<ChannelMessage>(member.payload)),
      this.config.env.dashboardUrl,
    );
    return this.channels.send(channel, message, {
      signal,
      timeoutMs: this.config.env.alertSendTimeoutMs,
      now,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    for (
      const deadline = shutdownClock.endOf(SHUTDOWN_GRACE_MS, KEEP_FOR_RESULTS_MS);
      this.inflight.size > 0 && Date.now() < deadline;
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    for (const controller of this.inflight.values()) controller.abort();
    await this.notifications.release(this.owner, [...this.inflight.keys()]).catch(() => undefined);
  }
}
