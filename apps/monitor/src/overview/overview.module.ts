import { Module } from '@nestjs/common';
import { LatencySparklineRepository } from './latency-sparkline.repository';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';
import { OverviewRepository } from './overview.repository';

@Module({
  controllers: [OverviewController],
  providers: [OverviewService, OverviewRepository, LatencySparklineRepository],
})
export class OverviewModule {}
