import { OpenApiDocumentSchema, referenceGroups } from '../../lib/api-reference';
import { monitorApi } from '../../lib/monitor-api';
import { sectionRead } from '../../lib/section-read';
import { SectionUnavailable } from '../section-unavailable';
import { OperationCard, schemaAnchor } from './operation-card';

/** The monitor's OpenAPI document as it serves it: operations by tag, then every schema they name. */
export async function ApiReferenceSection() {
  const read = await sectionRead(monitorApi.openApi());
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  const parsed = OpenApiDocumentSchema.safeParse(read.value);
  if (!parsed.success)
    return <SectionUnavailable message="The monitor answered a document this page cannot read." />;
  const document = parsed.data;
  const groups = referenceGroups(document);
  return (
    <div className="api-reference">
      <nav aria-label="API sections" className="api-toc">
        {groups.map((group) => (
          <a key={group.tag} href={`#tag-${group.tag}`} className="chip">
            {group.tag} ({group.operations.length})
          </a>
        ))}
        <a href="#schemas" className="chip">
          schemas ({Object.keys(document.components.schemas).length})
        </a>
      </nav>
      <p className="muted">
        OpenAPI {document.openapi}, version {document.info.version}. {document.info.description}
      </p>
      {groups.map((group) => (
        <section key={group.tag} id={`tag-${group.tag}`} aria-labelledby={`tag-${group.tag}-title`}>
          <h2 id={`tag-${group.tag}-title`} className="api-tag">
            {group.tag}
          </h2>
          <div className="stack">
            {group.operations.map((operation) => (
              <OperationCard key={operation.id} operation={operation} />
            ))}
          </div>
        </section>
      ))}
      <section id="schemas" aria-labelledby="schemas-title">
        <h2 id="schemas-title" className="api-tag">
          schemas
        </h2>
        <div className="stack">
          {Object.entries(document.components.schemas).map(([name, schema]) => (
            <details key={name} id={schemaAnchor(name)} className="panel api-schema">
              <summary>
                <code>{name}</code>
              </summary>
              <pre>{JSON.stringify(schema, null, 2)}</pre>
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}
