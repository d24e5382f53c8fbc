import { probers } from '@ihm/probe';
import { Module } from '@nestjs/common';
import { IntegrationModule } from '../integrations/integration.module';
import { CountResultsStep } from '../metrics/count-results.step';
import { RecordResultStep } from '../results/record-result.step';
import { ResultsModule } from '../results/results.module';
import { ProbeController } from './probe.controller';
import { ProbeService } from './probe.service';
import { PROBERS, ResultPipeline } from './result-pipeline';
import { RESULT_STEPS, type ResultStep } from './result-step';

/**
 * Runs checks: observe, classify, then what follows a result, in this order. The one place that lists the steps;
 * a new one (alert evaluation) is a provider and an entry here.
 */
@Module({
  imports: [IntegrationModule, ResultsModule],
  controllers: [ProbeController],
  providers: [
    { provide: PROBERS, useValue: probers },
    {
      provide: RESULT_STEPS,
      inject: [RecordResultStep, CountResultsStep],
      useFactory: (...steps: ResultStep[]): ResultStep[] => steps,
    },
    ResultPipeline,
    ProbeService,
  ],
  exports: [ResultPipeline],
})
export class PipelineModule {}
