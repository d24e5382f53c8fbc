import { Module } from '@nestjs/common';
import { AlertingModule } from '../alerting/alerting.module';
import { DatabaseModule } from '../database/database.module';
import { IntegrationModule } from '../integrations/integration.module';
import { AppSettingRepository } from './app-setting.repository';
import { DemoSeedService } from './demo-seed.service';
import { DemoWebhooksService } from './demo-webhooks.service';

@Module({
  imports: [DatabaseModule, IntegrationModule, AlertingModule],
  providers: [AppSettingRepository, DemoSeedService, DemoWebhooksService],
})
export class DemoModule {}
