'use server';

import { jsonSchemaProblem } from '@ihm/contracts';

/** Far beyond any response schema: the API refuses request bodies over 1 MB anyway. */
const MAX_SCHEMA_CHARACTERS = 1_000_000;

/**
 * Whether a JSON Schema compiles, as the monitor will judge it: null, or Ajv's message. On the server, because
 * Ajv compiles to code with `new Function`, which the dashboard's Content-Security-Policy forbids in the browser.
 */
export async function schemaProblem(schema: Record<string, unknown>): Promise<string | null> {
  if (JSON.stringify(schema).length > MAX_SCHEMA_CHARACTERS) return 'The schema is larger than 1 MB.';
  return jsonSchemaProblem(schema);
}
