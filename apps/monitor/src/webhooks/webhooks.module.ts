import { Module } from '@nestjs/common';
import { IntegrationModule } from '../integrations/integration.module';
import { PipelineModule } from '../pipeline/pipeline.module';
import { WebhookReceiverService } from './webhook-receiver.service';

/** Webhook integrations' receiver, mounted by create-app.ts (their silence is checked by the scheduler). */
@Module({
  imports: [IntegrationModule, PipelineModule],
  providers: [WebhookReceiverService],
  exports: [WebhookReceiverService],
})
export class WebhooksModule {}
