import { openApiDocument } from '@ihm/contracts';
import { Controller, Get } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The monitor's version, as its package says (src/ and dist/ sit at the same depth under it). */
const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

/** `GET /api/openapi.json`: the API described, made once from the contracts (libs/contracts' API_ROUTES). */
@Controller('openapi.json')
export class OpenApiController {
  private readonly document = openApiDocument(VERSION);

  @Get()
  describe(): Record<string, unknown> {
    return this.document;
  }
}
