import type { ImportedApi, OpenApiImportRequest } from '@ihm/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { parse as parseYaml } from 'yaml';
import { MonitorError } from '../common/monitor-error';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { refusedTargets } from '../security/outbound-targets';
import { fetchDocument } from './fetch-document';
import { importedApi } from './openapi-operations';
import { OpenApiImportError } from './openapi-schema';

/** JSON when it starts like JSON, else YAML (a superset of JSON, but far slower on a large JSON document). */
function parseDocument(text: string): unknown {
  const trimmed = text.trimStart();
  try {
    return trimmed.startsWith('{') ? JSON.parse(trimmed) : parseYaml(trimmed, { maxAliasCount: 1000 });
  } catch (error) {
    throw new OpenApiImportError(
      `is neither JSON nor YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
}

/** Reads a provider's OpenAPI document (by URL or as text) into the operations it offers to monitor. */
@Injectable()
export class OpenApiImportService {
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  async read(request: OpenApiImportRequest): Promise<ImportedApi> {
    const field = request.url !== undefined ? 'url' : 'document';
    try {
      if (request.url === undefined) return importedApi(parseDocument(request.document!));
      const refused = refusedTargets([{ field: 'url', url: request.url }], this.config.env.outbound);
      if (refused.length > 0)
        throw new MonitorError('VALIDATION_FAILED', 'The document cannot be fetched', refused);
      return importedApi(
        parseDocument(await fetchDocument(request.url, this.config.env.outbound)),
        request.url,
      );
    } catch (error) {
      if (!(error instanceof OpenApiImportError)) throw error;
      const message = `The document ${error.message}`;
      throw new MonitorError('VALIDATION_FAILED', message, [{ field, message }]);
    }
  }
}
