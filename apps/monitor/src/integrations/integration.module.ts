import { Module } from '@nestjs/common';
import { IntegrationController } from './integration.controller';
import { IntegrationRepository } from './integration.repository';
import { IntegrationService } from './integration.service';

@Module({
  controllers: [IntegrationController],
  providers: [IntegrationRepository, IntegrationService],
  exports: [IntegrationService],
})
export class IntegrationModule {}
