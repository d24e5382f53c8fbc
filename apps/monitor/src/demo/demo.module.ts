import { Module } from '@nestjs/common';
import { IntegrationModule } from '../integrations/integration.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [IntegrationModule], providers: [DemoSeedService] })
export class DemoModule {}
