import { OpenApiImportRequestSchema, type ImportedApi, type OpenApiImportRequest } from '@ihm/contracts';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { OpenApiImportService } from './openapi-import.service';

/** `POST /api/openapi-import`: lists what a provider's OpenAPI document offers to monitor; stores nothing. */
@Controller('openapi-import')
export class OpenApiImportController {
  constructor(private readonly imports: OpenApiImportService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  read(@Body(new ZodPipe(OpenApiImportRequestSchema)) request: OpenApiImportRequest): Promise<ImportedApi> {
    return this.imports.read(request);
  }
}
