import { Global, Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { CountResultsStep } from './count-results.step';
import { IntegrationMetricsRepository } from './integrations/integration-metrics.repository';
import { IntegrationMetrics } from './integrations/integration-metrics.service';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Global()
@Module({
  imports: [DatabaseModule],
  controllers: [MetricsController],
  providers: [MetricsService, CountResultsStep, IntegrationMetricsRepository, IntegrationMetrics],
  exports: [MetricsService, CountResultsStep],
})
export class MetricsModule {}
