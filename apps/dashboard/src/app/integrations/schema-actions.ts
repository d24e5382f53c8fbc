'use server';

import { monitorApi } from '../../lib/monitor-api';
import { schemaCompileProblem } from '../../lib/schema-compile-problem';

/**
 * The schema editor's compile check, on the server: Ajv compiles to code with `new Function`, which the
 * dashboard's Content-Security-Policy forbids in the browser. Only for a signed-in user (the monitor says whether
 * the session holds), so nobody else can make the dashboard compile schemas.
 */
export async function schemaProblem(schema: Record<string, unknown>): Promise<string | null> {
  await monitorApi.whoAmI();
  return schemaCompileProblem(schema);
}
