import { probersFor } from '@ihm/probe';
import { Module } from '@nestjs/common';
import { AlertingModule } from '../alerting/alerting.module';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { AlertEvaluator } from '../alerting/evaluation/alert-evaluator.service';
import { DriftModule } from '../drift/drift.module';
import { IntegrationModule } from '../integrations/integration.module';
import { CountResultsStep } from '../metrics/count-results.step';
import { RecordResultStep } from '../results/record-result.step';
import { ResultsModule } from '../results/results.module';
import { ProbeController } from './probe.controller';
import { ProbeService } from './probe.service';
import { ProbeThreadPool } from './probe-thread-pool';
import { PROBERS, ResultPipeline } from './result-pipeline';
import { RESULT_STEPS, type ResultStep } from './result-step';

/**
 * Runs checks: observe, classify, then what follows a result, in this order (recorded before it is counted and
 * evaluated for alerts). The one place that lists the steps; a new one is a provider and an entry here.
 */
@Module({
  imports: [IntegrationModule, ResultsModule, AlertingModule, DriftModule],
  controllers: [ProbeController],
  providers: [
    ProbeThreadPool,
    {
      provide: PROBERS,
      inject: [RUNTIME_CONFIG, ProbeThreadPool],
      useFactory: (config: RuntimeConfig, pool: ProbeThreadPool) =>
        probersFor(config.env.outbound, pool.threads),
    },
    {
      provide: RESULT_STEPS,
      inject: [RecordResultStep, CountResultsStep, AlertEvaluator],
      useFactory: (...steps: ResultStep[]): ResultStep[] => steps,
    },
    ResultPipeline,
    ProbeService,
  ],
  exports: [ResultPipeline],
})
export class PipelineModule {}
