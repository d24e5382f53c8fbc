import { Module } from '@nestjs/common';
import { AlertingModule } from '../alerting/alerting.module';
import { DatabaseModule } from '../database/database.module';
import { IntegrationController } from './integration.controller';
import { IntegrationRepository } from './integration.repository';
import { IntegrationService } from './integration.service';

@Module({
  imports: [DatabaseModule, AlertingModule],
  controllers: [IntegrationController],
  providers: [IntegrationRepository, IntegrationService],
  exports: [IntegrationService],
})
export class IntegrationModule {}
