import type { ProbeResult } from '@ihm/contracts';
import { formatDateTime } from '../../lib/format';
import { readLatestResult, readResultsPage } from '../../lib/integration-reads';
import { sectionRead } from '../../lib/section-read';
import { ProbeResultView } from '../probe-result-view';
import { SectionUnavailable } from '../section-unavailable';

/** What the newest probe found, and the schema errors of the last probe that had some when that is another. */
export async function DiagnosisPanel({ id, before }: { id: string; before: string | undefined }) {
  const read = await sectionRead(Promise.all([readLatestResult(id, before), readResultsPage(id, before)]));
  return (
    <section className="panel" aria-labelledby="diagnosis-heading">
      <h2 id="diagnosis-heading">Diagnosis</h2>
      {read.ok ? (
        <Diagnosis latest={read.value[0]} page={read.value[1].items} />
      ) : (
        <SectionUnavailable message={read.message} />
      )}
    </section>
  );
}

function Diagnosis({ latest, page }: { latest: ProbeResult | null; page: readonly ProbeResult[] }) {
  if (!latest) return <p className="muted">Not probed yet: the first probe runs within one interval.</p>;
  const lastSchemaFailure = page.find((result) => result.schemaErrors.length > 0);
  return (
    <>
      <ProbeResultView result={latest} />
      {lastSchemaFailure && lastSchemaFailure.startedAt !== latest.startedAt ? (
        <>
          <h3>Last schema errors ({formatDateTime(lastSchemaFailure.startedAt)})</h3>
          <ul>
            {lastSchemaFailure.schemaErrors.map((error) => (
              <li key={`${error.path}:${error.message}`}>
                <code>{error.path || '/'}</code> {error.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
