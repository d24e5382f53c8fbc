import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { IntegrationModule } from '../integrations/integration.module';
import { RecordResultStep } from './record-result.step';
import { ResultPageRepository } from './result-page.repository';
import { ResultStoreRepository } from './result-store.repository';
import { ResultWriter } from './result-writer.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** Results end to end: recording them (batched writes, rollups, retention) and reading them back. */
@Module({
  imports: [DatabaseModule, IntegrationModule],
  controllers: [ResultsController],
  providers: [
    ResultStoreRepository,
    ResultWriter,
    RecordResultStep,
    ResultPageRepository,
    ResultsService,
    RetentionRepository,
    RetentionService,
  ],
  exports: [RecordResultStep, ResultWriter],
})
export class ResultsModule {}
