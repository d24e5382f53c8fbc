import { jsonSchemaProblem } from '@ihm/contracts';

/** Far beyond any response schema: the API refuses request bodies over 1 MB anyway. */
const MAX_SCHEMA_CHARACTERS = 1_000_000;

/** Whether a JSON Schema compiles, as the monitor will judge it: null, or Ajv's message. */
export function schemaCompileProblem(schema: Record<string, unknown>): string | null {
  if (JSON.stringify(schema).length > MAX_SCHEMA_CHARACTERS) return 'The schema is larger than 1 MB.';
  return jsonSchemaProblem(schema);
}
