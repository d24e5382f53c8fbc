import { Global, Module } from '@nestjs/common';
import { CountResultsStep } from './count-results.step';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, CountResultsStep],
  exports: [MetricsService, CountResultsStep],
})
export class MetricsModule {}
