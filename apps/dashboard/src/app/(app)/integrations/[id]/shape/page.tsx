import type { Metadata } from 'next';
import Link from 'next/link';
import { MonitorDownPage } from '../../../../../components/monitor-down-page';
import { PageHead } from '../../../../../components/page-head';
import { AcceptShapeButton } from '../../../../../components/shape/accept-shape-button';
import { DriftHistory, LearnedFields } from '../../../../../components/shape/shape-sections';
import { canEdit } from '../../../../../lib/can-edit';
import { readIntegration } from '../../../../../lib/integration-reads';
import { monitorApi, MonitorUnavailableError } from '../../../../../lib/monitor-api';
import { acceptShape } from '../../../../integrations/actions';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

const REFRESH_MS = 10_000;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const integration = await readIntegration(id).catch(() => null);
  return { title: integration ? `Response shape of ${integration.name}` : 'Response shape' };
}

/**
 * Drift without a schema: what the integration's healthy responses looked like, and each time a response broke
 * from it, with "accept the new shape" for the one still seen.
 */
export default async function ShapePage({ params }: { params: Params }) {
  const { id } = await params;
  let read;
  try {
    read = await Promise.all([readIntegration(id), monitorApi.shape(id)]);
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Response shape" message={error.message} refreshMs={REFRESH_MS} />;
  }
  const [integration, report] = read;
  const detailHref = `/integrations/${encodeURIComponent(integration.id)}`;
  const schema = integration.kind === 'http' && integration.responseSchema !== null;
  const accept = (await canEdit()) ? (
    <AcceptShapeButton acceptAction={acceptShape.bind(null, integration.id)} />
  ) : null;
  return (
    <>
      <PageHead
        title={`Response shape of ${integration.name}`}
        back={{ href: detailHref, label: integration.name }}
      >
        <p className="muted">
          Without a JSON Schema, the monitor learns the fields and types of the healthy responses and reports
          a change (a type changed, a field gone) as degraded. An added field alone is not a change.
        </p>
      </PageHead>
      {schema ? (
        <p className="panel">
          This integration has a JSON Schema: its responses are checked against it, not against a learned
          shape. <Link href={`${detailHref}/edit`}>Edit the schema</Link>
        </p>
      ) : null}
      <section aria-labelledby="drift-heading">
        <h2 id="drift-heading">Changes</h2>
        <DriftHistory drifts={report.drifts} accept={accept} />
      </section>
      <section aria-labelledby="learned-heading">
        <h2 id="learned-heading">Learned shape</h2>
        {report.learned ? (
          <LearnedFields learned={report.learned} />
        ) : (
          <p className="muted">
            Nothing learned yet: the first healthy JSON responses teach the monitor their shape.
          </p>
        )}
      </section>
    </>
  );
}
