import { z } from 'zod';
import { HttpUrlSchema } from './http-url';

/** What the monitor reads at most of a provider's OpenAPI document (GitHub's full description is about 13 MB). */
export const MAX_OPENAPI_DOCUMENT_BYTES = 32 * 1024 * 1024;

/**
 * `POST /api/openapi-import`: a provider's OpenAPI 3.0/3.1 or Swagger 2.0 document, by URL (fetched by the monitor
 * through the outbound guard) or as its text (JSON or YAML, within the API's 1 MB request limit).
 */
export const OpenApiImportRequestSchema = z
  .strictObject({
    url: HttpUrlSchema.optional(),
    document: z.string({ error: 'document must be the text of the document' }).min(1).optional(),
  })
  .refine((request) => (request.url === undefined) !== (request.document === undefined), {
    error: 'give either url or document',
    path: ['url'],
  });
export type OpenApiImportRequest = z.output<typeof OpenApiImportRequestSchema>;

export const ImportedSecuritySchemeSchema = z.object({
  name: z.string(),
  type: z.string(),
  scheme: z.string().nullable(),
  in: z.string().nullable(),
  parameter: z.string().nullable(),
  description: z.string().nullable(),
  /** OAuth2's client-credentials flow (Swagger 2.0's `application`): where the token is obtained, and its scopes. */
  clientCredentials: z.object({ tokenUrl: z.string(), scopes: z.array(z.string()) }).nullable(),
});
export type ImportedSecurityScheme = z.infer<typeof ImportedSecuritySchemeSchema>;

export const ImportedOperationSchema = z.object({
  id: z.string(),
  method: z.string(),
  path: z.string(),
  tag: z.string(),
  summary: z.string(),
  pathParameters: z.array(z.string()),
  expectedStatus: z.number().int().nullable(),
  /** A self-contained JSON Schema (draft 2020-12) of the JSON answer of `expectedStatus`. */
  responseSchema: z.record(z.string(), z.unknown()).nullable(),
  /** Why there is no schema: no 2xx documented, not JSON, no body, a reference to another document. */
  note: z.string().nullable(),
  security: z.array(z.string()),
});
export type ImportedOperation = z.infer<typeof ImportedOperationSchema>;

/** The operations of the document, each ready to become an integration (method, path, status, schema). */
export const ImportedApiSchema = z.object({
  dialect: z.enum(['swagger-2.0', 'openapi-3.0', 'openapi-3.1']),
  title: z.string(),
  version: z.string(),
  servers: z.array(z.string()),
  securitySchemes: z.array(ImportedSecuritySchemeSchema),
  operations: z.array(ImportedOperationSchema),
});
export type ImportedApi = z.infer<typeof ImportedApiSchema>;
