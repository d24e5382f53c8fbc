import type { WebhookAnswer, WebhookIntegrationDefinition } from '@ihm/contracts';
import { afterActiveSeconds } from '@ihm/diagnosis';
import type { InboundRequest } from '@ihm/webhooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MonitorError } from '../common/monitor-error';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { receiverUrlOf } from '../integrations/integration.mapper';
import { IntegrationService } from '../integrations/integration.service';
import { ResultPipeline } from '../pipeline/result-pipeline';
import { DeliveryRateLimiter } from './delivery-rate-limiter';
import { judgeDelivery } from './delivery-verdict';
import type { RawBody } from './raw-body.middleware';
import { ReceiverCache } from './receiver-cache';
import { RecentDeliveryIds } from './recent-delivery-ids';

/** What the receiver answers a provider. */
export interface ReceiverAnswer {
  status: number;
  body: WebhookAnswer;
  headers?: Record<string, string>;
}

export const NO_SUCH_RECEIVER: ReceiverAnswer = {
  status: 404,
  body: { accepted: false, message: 'no webhook integration with this id' },
};

/** A delivery as it reached the route. */
export interface IncomingDelivery {
  integrationId: string;
  headers: Record<string, string | string[] | undefined>;
  /** The path's query string, with its `?`, or ''. */
  query: string;
  body: RawBody;
}

/**
 * The receiver of webhook integrations: judges each delivery from memory (settings cached, ids remembered) and
 * answers at once; the result goes down the pipeline like a probe's, into the writer's batches, unawaited.
 */
@Injectable()
export class WebhookReceiverService {
  private readonly logger = new Logger('WebhookReceiver');
  private readonly receivers: ReceiverCache;
  private readonly limiter: DeliveryRateLimiter;
  private readonly seen = new RecentDeliveryIds();

  constructor(
    private readonly integrations: IntegrationService,
    private readonly pipeline: ResultPipeline,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {
    this.receivers = new ReceiverCache((id) => this.load(id));
    this.limiter = new DeliveryRateLimiter(config.env.webhookRateLimit);
  }

  async receive(incoming: IncomingDelivery): Promise<ReceiverAnswer> {
    const receivedAt = new Date();
    const definition = await this.receivers.get(incoming.integrationId);
    if (!definition) return NO_SUCH_RECEIVER;
    if (definition.paused) return { status: 202, body: { accepted: true, paused: true } };
    if (!this.limiter.take(incoming.integrationId))
      return {
        status: 429,
        body: { accepted: false, message: 'too many deliveries for this integration: retry later' },
        headers: { 'Retry-After': '1' },
      };
    const request: InboundRequest = {
      body: incoming.body.bytes,
      headers: firstValues(incoming.headers),
      url: receiverUrlOf(this.config.env.webhookBaseUrl, incoming.integrationId) + incoming.query,
    };
    const { webhook } = definition;
    const judgement = judgeDelivery(
      incoming.integrationId,
      webhook,
      { request, receivedAt, tooLarge: incoming.body.tooLarge },
      this.seen,
    );
    const accepted =
      judgement.verdict === 'accepted'
        ? {
            at: receivedAt,
            silenceDeadline: afterActiveSeconds(receivedAt, webhook.maxSilenceSeconds, webhook.activeHours),
          }
        : null;
    this.pipeline
      .process({ kind: 'delivery', integrationId: incoming.integrationId, accepted }, judgement.result)
      .catch((error: unknown) => this.logger.error(`Recording a delivery failed: ${String(error)}`));
    return {
      status: judgement.httpStatus,
      body:
        judgement.verdict === 'accepted'
          ? { accepted: true }
          : { accepted: false, verdict: judgement.verdict, message: judgement.result.message },
    };
  }

  private async load(id: string): Promise<WebhookIntegrationDefinition | null> {
    try {
      const definition = await this.integrations.getDefinition(id);
      return definition.kind === 'webhook' ? definition : null;
    } catch (error) {
      if (error instanceof MonitorError && error.code === 'INTEGRATION_NOT_FOUND') return null;
      throw error;
    }
  }
}

function firstValues(headers: IncomingDelivery['headers']): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) values[name] = Array.isArray(value) ? value[0] : value;
  return values;
}
