import { Module } from '@nestjs/common';
import { OpenApiImportController } from './openapi-import.controller';
import { OpenApiImportService } from './openapi-import.service';

@Module({ controllers: [OpenApiImportController], providers: [OpenApiImportService] })
export class OpenApiImportModule {}
