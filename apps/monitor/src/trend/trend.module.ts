import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { IntegrationModule } from '../integrations/integration.module';
import { TrendController } from './trend.controller';
import { TrendRepository } from './trend.repository';
import { TrendService } from './trend.service';

@Module({
  imports: [DatabaseModule, IntegrationModule],
  controllers: [TrendController],
  providers: [TrendRepository, TrendService],
})
export class TrendModule {}
