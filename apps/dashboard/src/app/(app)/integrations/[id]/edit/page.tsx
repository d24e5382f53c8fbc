import type { Metadata } from 'next';
import { cache } from 'react';
import { MonitorDownPage } from '../../../../../components/monitor-down-page';
import { PageHead } from '../../../../../components/page-head';
import { IntegrationFormRoute } from '../../../../../components/integration-form/integration-form-route';
import { loadOrNotFound } from '../../../../../lib/load-or-not-found';
import { MonitorUnavailableError, monitorApi } from '../../../../../lib/monitor-api';
import { saveIntegration, testIntegration } from '../../../../integrations/actions';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

const REFRESH_MS = 10_000;

/** One read per request, shared by the title and the page. */
const loadIntegration = cache((id: string) => loadOrNotFound(monitorApi.integration(id)));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const integration = await loadIntegration(id).catch(() => null);
  return { title: integration ? `Edit ${integration.name}` : 'Edit integration' };
}

export default async function EditIntegrationPage({ params }: { params: Params }) {
  const { id } = await params;
  let integration;
  try {
    integration = await loadIntegration(id);
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Edit integration" message={error.message} refreshMs={REFRESH_MS} />;
  }
  const detailHref = `/integrations/${encodeURIComponent(integration.id)}`;
  return (
    <>
      <PageHead title={`Edit ${integration.name}`} back={{ href: detailHref, label: integration.name }}>
        <p className="muted">Secrets are never shown: leave a secret empty to keep the stored one.</p>
      </PageHead>
      <IntegrationFormRoute
        integration={integration}
        saveAction={saveIntegration.bind(null, integration.id)}
        testAction={testIntegration}
      />
    </>
  );
}
