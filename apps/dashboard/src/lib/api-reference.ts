import { z } from 'zod';

const Schema = z.record(z.string(), z.unknown());
const Content = z.record(z.string(), z.object({ schema: Schema.optional() }));

const OperationSchema = z.object({
  operationId: z.string(),
  tags: z.array(z.string()).default([]),
  summary: z.string().default(''),
  security: z.array(Schema).optional(),
  'x-required-role': z.string().optional(),
  'x-sessions-only': z.boolean().optional(),
  parameters: z
    .array(
      z.object({ name: z.string(), in: z.string(), required: z.boolean().default(false), schema: Schema }),
    )
    .default([]),
  requestBody: z.object({ content: Content }).optional(),
  responses: z.record(z.string(), z.object({ description: z.string(), content: Content.optional() })),
});

/** What the reference page reads of the monitor's OpenAPI document (the rest passes through unread). */
export const OpenApiDocumentSchema = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
  tags: z.array(z.object({ name: z.string() })).default([]),
  paths: z.record(z.string(), z.record(z.string(), OperationSchema)),
  components: z.object({ schemas: z.record(z.string(), Schema) }),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocumentSchema>;

/** A body as the page shows it: a component's name (linked to its schema), or the content type it is sent as. */
export type BodyRef = { schema: string } | { contentType: string };

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  /** Who may call it, in words. */
  access: string;
  parameters: { name: string; in: string; required: boolean; type: string }[];
  request: BodyRef | null;
  responses: { status: string; description: string; body: BodyRef | null }[];
}

export interface ReferenceGroup {
  tag: string;
  operations: ReferenceOperation[];
}

const REF = '#/components/schemas/';

function bodyOf(content: z.infer<typeof Content> | undefined): BodyRef | null {
  const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
  if (!contentType) return null;
  const ref = media?.schema?.$ref;
  return typeof ref === 'string' && ref.startsWith(REF) ? { schema: ref.slice(REF.length) } : { contentType };
}

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  if (typeof schema.type === 'string')
    return schema.format ? `${schema.type} (${String(schema.format)})` : schema.type;
  return 'any';
}

function accessOf(operation: z.infer<typeof OperationSchema>): string {
  if (operation['x-sessions-only']) return 'signed-in users';
  const role = operation['x-required-role'];
  if (role) return `${role} or above`;
  return operation.security?.some((requirement) => 'metricsToken' in requirement)
    ? 'METRICS_TOKEN, when set'
    : 'no token';
}

/** The document's operations by tag, in the document's order of tags, each with what the page shows of it. */
export function referenceGroups(document: OpenApiDocument): ReferenceGroup[] {
  const groups = new Map<string, ReferenceOperation[]>(document.tags.map(({ name }) => [name, []]));
  for (const [path, operations] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(operations)) {
      const tag = operation.tags[0] ?? 'other';
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push({
        id: operation.operationId,
        method: method.toUpperCase(),
        path,
        summary: operation.summary,
        access: accessOf(operation),
        parameters: operation.parameters.map(({ name, in: place, required, schema }) => ({
          name,
          in: place,
          required,
          type: typeOf(schema),
        })),
        request: bodyOf(operation.requestBody?.content),
        responses: Object.entries(operation.responses).map(([status, response]) => ({
          status,
          description: response.description,
          body: bodyOf(response.content),
        })),
      });
    }
  return [...groups]
    .filter(([, operations]) => operations.length > 0)
    .map(([tag, operations]) => ({ tag, operations }));
}
