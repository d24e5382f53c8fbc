import { Module } from '@nestjs/common';
import { IntegrationModule } from '../integrations/integration.module';
import { ProbeResultRepository } from './probe-result.repository';
import { ProbeController } from './probe.controller';
import { ProbeService } from './probe.service';

@Module({
  imports: [IntegrationModule],
  controllers: [ProbeController],
  providers: [ProbeResultRepository, ProbeService],
  exports: [ProbeService],
})
export class ChecksModule {}
