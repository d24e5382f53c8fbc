import type { Metadata } from 'next';
import { MonitorDownPage } from '../../../../../components/monitor-down-page';
import { PageHead } from '../../../../../components/page-head';
import { IntegrationFormRoute } from '../../../../../components/integration-form/integration-form-route';
import { readIntegration } from '../../../../../lib/integration-reads';
import { MonitorUnavailableError } from '../../../../../lib/monitor-api';
import { saveIntegration, testIntegration } from '../../../../integrations/actions';
import { schemaProblem } from '../../../../integrations/schema-actions';
import { ManagedByFilePage } from '../../../../../components/managed-by-file';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;
type Search = Promise<{ inferSchema?: string }>;

const REFRESH_MS = 10_000;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const integration = await readIntegration(id).catch(() => null);
  return { title: integration ? `Edit ${integration.name}` : 'Edit integration' };
}

export default async function EditIntegrationPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const { id } = await params;
  // From the integration's page: "Use a response as the expected schema".
  const inferSchema = (await searchParams).inferSchema === '1';
  let integration;
  try {
    integration = await readIntegration(id);
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Edit integration" message={error.message} refreshMs={REFRESH_MS} />;
  }
  const detailHref = `/integrations/${encodeURIComponent(integration.id)}`;
  if (integration.managedBy)
    return (
      <ManagedByFilePage
        title={`Edit ${integration.name}`}
        back={{ href: detailHref, label: integration.name }}
        file={integration.managedBy}
      />
    );
  return (
    <>
      <PageHead title={`Edit ${integration.name}`} back={{ href: detailHref, label: integration.name }}>
        <p className="muted">
          {inferSchema
            ? 'Testing the integration: the schema inferred from a healthy answer goes into the Checks section, to review before saving.'
            : 'Secrets are never shown: leave a secret empty to keep the stored one.'}
        </p>
      </PageHead>
      <IntegrationFormRoute
        integration={integration}
        saveAction={saveIntegration.bind(null, integration.id)}
        testAction={testIntegration}
        checkSchemaAction={schemaProblem}
        inferSchemaOnOpen={inferSchema}
      />
    </>
  );
}
