import { DynamicModule, Module } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { MetricsModule } from '../metrics/metrics.module';
import { ConfigAsCodeModule } from './config-as-code.module';

/**
 * What `npm run config` runs: config as code and what it depends on, without the HTTP server, the scheduler or
 * any timer (no ScheduleModule: nothing probes, delivers or cleans up in the command's process).
 */
@Module({})
export class ConfigCliModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: ConfigCliModule,
      global: true,
      imports: [MetricsModule, ConfigAsCodeModule],
      providers: [{ provide: RUNTIME_CONFIG, useValue: config }],
      exports: [RUNTIME_CONFIG],
    };
  }
}
