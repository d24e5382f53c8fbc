import Link from 'next/link';

interface ResponseShapeLinksProps {
  integrationId: string;
  hasSchema: boolean;
  /** An editor, on an integration the API may change (not one a config file manages). */
  canInfer: boolean;
}

/** Under an http integration's title: what its responses are checked against, and how to give it a schema. */
export function ResponseShapeLinks({ integrationId, hasSchema, canInfer }: ResponseShapeLinksProps) {
  const base = `/integrations/${encodeURIComponent(integrationId)}`;
  return (
    <p className="row response-shape-links">
      <Link href={`${base}/shape`}>{hasSchema ? 'Response shape' : 'Response shape and its changes'}</Link>
      <span className="muted">
        {hasSchema
          ? 'checked against its JSON Schema'
          : 'learned from healthy responses (no JSON Schema set)'}
      </span>
      {canInfer ? (
        <Link href={`${base}/edit?inferSchema=1`}>
          {hasSchema ? 'Infer the schema again from a response' : 'Use a response as the expected schema'}
        </Link>
      ) : null}
    </p>
  );
}
