import { jsonSchemaProblem } from '@ihm/contracts';
import { findJsonSyntaxError } from './json-syntax-error';

export type SchemaCheck =
  | { state: 'empty' }
  | { state: 'invalid'; message: string }
  | { state: 'valid'; schema: Record<string, unknown> };

function syntaxMessage(text: string, error: unknown): string {
  const found = findJsonSyntaxError(text);
  if (found) return `Invalid JSON at line ${found.line}, column ${found.column}: ${found.message}.`;
  return `Invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
}

/** The editor's verdict on the schema text: no schema, why it is not a JSON Schema, or the parsed schema. */
export function checkSchemaText(text: string): SchemaCheck {
  if (text.trim() === '') return { state: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { state: 'invalid', message: syntaxMessage(text, error) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { state: 'invalid', message: 'A JSON Schema must be a JSON object: { … }.' };
  }
  const schema = parsed as Record<string, unknown>;
  const problem = jsonSchemaProblem(schema);
  if (problem) return { state: 'invalid', message: `Not a valid JSON Schema: ${problem}` };
  return { state: 'valid', schema };
}
