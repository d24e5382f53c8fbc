import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { IntegrationModule } from '../integrations/integration.module';
import { PipelineModule } from '../pipeline/pipeline.module';
import { ResultsModule } from '../results/results.module';
import { ScheduleRepository } from './schedule.repository';
import { SchedulerService } from './scheduler.service';
import { SilenceCheck } from './silence-check.service';

@Module({
  imports: [DatabaseModule, IntegrationModule, PipelineModule, ResultsModule],
  providers: [ScheduleRepository, SchedulerService, SilenceCheck],
})
export class SchedulerModule {}
