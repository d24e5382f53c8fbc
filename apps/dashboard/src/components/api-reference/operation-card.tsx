import type { BodyRef, ReferenceOperation } from '../../lib/api-reference';

export const schemaAnchor = (name: string) => `schema-${name}`;

function Body({ body }: { body: BodyRef | null }) {
  if (!body) return <span className="muted">none</span>;
  return 'schema' in body ? (
    <a href={`#${schemaAnchor(body.schema)}`}>
      <code>{body.schema}</code>
    </a>
  ) : (
    <code>{body.contentType}</code>
  );
}

/** One operation: method and path, who may call it, its parameters, what it reads and what it answers. */
export function OperationCard({ operation }: { operation: ReferenceOperation }) {
  return (
    <article className="panel api-operation" id={operation.id} aria-labelledby={`${operation.id}-title`}>
      <h3 id={`${operation.id}-title`} className="api-operation-title">
        <span className={`api-method api-method-${operation.method.toLowerCase()}`}>{operation.method}</span>
        <code>{operation.path}</code>
      </h3>
      <p>{operation.summary}</p>
      <p className="muted">
        Access: <strong>{operation.access}</strong>
      </p>
      {operation.parameters.length > 0 ? (
        <table className="api-table">
          <caption className="visually-hidden">
            Parameters of {operation.method} {operation.path}
          </caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">In</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {operation.parameters.map((parameter) => (
              <tr key={`${parameter.in}:${parameter.name}`}>
                <td>
                  <code>{parameter.name}</code>
                  {parameter.required ? <span className="muted"> (required)</span> : null}
                </td>
                <td>{parameter.in}</td>
                <td>
                  <code>{parameter.type}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <dl className="api-bodies">
        {operation.request ? (
          <>
            <dt>Request body</dt>
            <dd>
              <Body body={operation.request} />
            </dd>
          </>
        ) : null}
        {operation.responses.map((response) => (
          <div key={response.status} className="api-response">
            <dt>
              <code>{response.status}</code>
            </dt>
            <dd>
              {response.description}
              {response.body ? (
                <>
                  {' · '}
                  <Body body={response.body} />
                </>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
