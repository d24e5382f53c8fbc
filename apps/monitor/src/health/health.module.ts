import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { HealthController } from './health.controller';
import { ReadinessRepository } from './readiness.repository';
import { ReadinessService } from './readiness.service';

@Module({
  imports: [DatabaseModule],
  controllers: [HealthController],
  providers: [ReadinessRepository, ReadinessService],
})
export class HealthModule {}
