import { Module } from '@nestjs/common';
import { PartitionMaintenanceService } from './partition-maintenance.service';
import { ResultStoreRepository } from './result-store.repository';
import { ResultWriter } from './result-writer.service';

@Module({
  providers: [ResultStoreRepository, ResultWriter, PartitionMaintenanceService],
  exports: [ResultWriter],
})
export class StorageModule {}
