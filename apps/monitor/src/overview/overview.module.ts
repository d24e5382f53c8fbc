import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { LatencySparklineRepository } from './latency-sparkline.repository';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';
import { OverviewRepository } from './overview.repository';

@Module({
  imports: [DatabaseModule],
  controllers: [OverviewController],
  providers: [OverviewService, OverviewRepository, LatencySparklineRepository],
})
export class OverviewModule {}
