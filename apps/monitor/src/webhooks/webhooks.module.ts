import { Module } from '@nestjs/common';
import { IntegrationModule } from '../integrations/integration.module';
import { PipelineModule } from '../pipeline/pipeline.module';
import { WebhookReceiverController } from './webhook-receiver.controller';
import { WebhookReceiverService } from './webhook-receiver.service';

/** Webhook integrations' receiver (their silence is checked by the scheduler). */
@Module({
  imports: [IntegrationModule, PipelineModule],
  controllers: [WebhookReceiverController],
  providers: [WebhookReceiverService],
})
export class WebhooksModule {}
