import { Module } from '@nestjs/common';
import { IntegrationModule } from '../integrations/integration.module';
import { TrendController } from './trend.controller';
import { TrendRepository } from './trend.repository';

@Module({ imports: [IntegrationModule], controllers: [TrendController], providers: [TrendRepository] })
export class TrendModule {}
