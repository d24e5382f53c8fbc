'use server';

import type { ImportedApi } from '@ihm/contracts';
import type { ActionResult } from '../../lib/action-result';
import { monitorApi } from '../../lib/monitor-api';
import { toActionResult } from '../../lib/to-action-result';

/** Reads a provider's OpenAPI document through the monitor (by URL, or its text); nothing is stored. */
export async function readOpenApiDocument(request: {
  url?: string;
  document?: string;
}): Promise<ActionResult<ImportedApi>> {
  return toActionResult(() => monitorApi.openApiImport(request));
}
