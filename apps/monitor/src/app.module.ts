import { AuditModule } from './audit/audit.module';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from './auth/auth.module';
import { BearerTokenGuard } from './auth/bearer-token.guard';
import { ErrorBodyFilter } from './common/error-body.filter';
import { PeriodicJobsStop } from './common/periodic-jobs-stop';
import { ConfigAsCodeModule } from './config-as-code/config-as-code.module';
import { RUNTIME_CONFIG, type RuntimeConfig } from './config/runtime-config';
import { DemoModule } from './demo/demo.module';
import { DriftModule } from './drift/drift.module';
import { HealthModule } from './health/health.module';
import { IntegrationModule } from './integrations/integration.module';
import { MetricsModule } from './metrics/metrics.module';
import { OpenApiModule } from './openapi/openapi.module';
import { OpenApiImportModule } from './openapi-import/openapi-import.module';
import { OverviewModule } from './overview/overview.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { ResultsModule } from './results/results.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { TrendModule } from './trend/trend.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ScheduleModule.forRoot(),
        AuthModule,
        AuditModule,
        MetricsModule,
        HealthModule,
        OpenApiModule,
        OpenApiImportModule,
        IntegrationModule,
        ConfigAsCodeModule,
        ResultsModule,
        PipelineModule,
        OverviewModule,
        TrendModule,
        DriftModule,
        SchedulerModule,
        WebhooksModule,
        DemoModule,
      ],
      providers: [
        { provide: RUNTIME_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: BearerTokenGuard },
        { provide: APP_FILTER, useClass: ErrorBodyFilter },
        PeriodicJobsStop,
      ],
      exports: [RUNTIME_CONFIG],
    };
  }
}
