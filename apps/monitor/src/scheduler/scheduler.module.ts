import { Module } from '@nestjs/common';
import { IntegrationModule } from '../integrations/integration.module';
import { StorageModule } from '../storage/storage.module';
import { ScheduleRepository } from './schedule.repository';
import { SchedulerService } from './scheduler.service';

@Module({ imports: [IntegrationModule, StorageModule], providers: [ScheduleRepository, SchedulerService] })
export class SchedulerModule {}
