import { Module } from '@nestjs/common';
import { IntegrationModule } from '../integrations/integration.module';
import { StorageModule } from '../storage/storage.module';
import { ProbeResultRepository } from './probe-result.repository';
import { ProbeController } from './probe.controller';
import { ProbeService } from './probe.service';

@Module({
  imports: [IntegrationModule, StorageModule],
  controllers: [ProbeController],
  providers: [ProbeResultRepository, ProbeService],
  exports: [ProbeService],
})
export class ChecksModule {}
