import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface JsonSchemaIssue {
  path: string;
  message: string;
}

export const MAX_SCHEMA_ERRORS = 20;
const CACHE_LIMIT = 1000;

const options = { allErrors: true, strict: false, validateFormats: true } as const;
const draft2020 = addFormats(new Ajv2020(options));
const draft07 = addFormats(new Ajv(options));
/** Compiled validators by schema text, each with the Ajv and schema object it was compiled on (Ajv keeps both). */
const cache = new Map<string, { validate: ValidateFunction; ajv: Ajv; compiled: Record<string, unknown> }>();

/** Draft-07 (and older) schemas say so in `$schema`; everything else is read as draft 2020-12. */
function ajvFor(schema: Record<string, unknown>): Ajv {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  return /draft-0[4-7]/.test(declared) ? draft07 : draft2020;
}

/** Compiles a JSON Schema once per distinct content; throws Ajv's own message when it does not compile. */
export function compileJsonSchema(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = cache.get(key);
  if (cached) return cached.validate;
  const ajv = ajvFor(schema);
  // Compile without registering the schema by its $id, so that two versions with the same $id can coexist.
  const { $id: _id, ...anonymous } = schema;
  const validate = ajv.compile(anonymous);
  if (cache.size >= CACHE_LIMIT) {
    const [oldest, evicted] = cache.entries().next().value!;
    cache.delete(oldest);
    // Ajv keeps every schema it compiled, by object: without this, each distinct schema stayed for good.
    evicted.ajv.removeSchema(evicted.compiled);
  }
  cache.set(key, { validate, ajv, compiled: anonymous });
  return validate;
}

/** Null when the schema compiles, else Ajv's message: for field-level 400s and the dashboard's editor. */
export function jsonSchemaProblem(schema: Record<string, unknown>): string | null {
  try {
    compileJsonSchema(schema);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function toIssue(error: ErrorObject): JsonSchemaIssue {
  const base = error.instancePath || '';
  if (error.keyword === 'required') {
    return { path: `${base}/${String(error.params.missingProperty)}`, message: 'is required but missing' };
  }
  if (error.keyword === 'additionalProperties') {
    return {
      path: `${base}/${String(error.params.additionalProperty)}`,
      message: 'is not allowed by the schema',
    };
  }
  return { path: base || '/', message: error.message ?? error.keyword };
}

/** Validates a parsed body; at most `MAX_SCHEMA_ERRORS` issues, as JSON Pointer paths. */
export function checkJsonSchema(schema: Record<string, unknown>, value: unknown): JsonSchemaIssue[] {
  const validate = compileJsonSchema(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, MAX_SCHEMA_ERRORS).map(toIssue);
}
