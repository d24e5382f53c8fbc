import { Module } from '@nestjs/common';
import { AlertingModule } from '../alerting/alerting.module';
import { DatabaseModule } from '../database/database.module';
import { IntegrationModule } from '../integrations/integration.module';
import { ConfigExportService } from './config-export.service';
import { ConfigFileService } from './config-file.service';
import { ConfigStateRepository } from './config-state.repository';

/** Config as code: a file's plan, its apply in one transaction, and the export of what is stored. */
@Module({
  imports: [DatabaseModule, IntegrationModule, AlertingModule],
  providers: [ConfigStateRepository, ConfigFileService, ConfigExportService],
  exports: [ConfigFileService, ConfigExportService],
})
export class ConfigAsCodeModule {}
