import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { IntegrationFormRoute } from '../../../../../components/integration-form/integration-form-route';
import { loadOrNotFound } from '../../../../../lib/load-or-not-found';
import { monitorApi } from '../../../../../lib/monitor-api';
import { saveIntegration, testIntegration } from '../../../../integrations/actions';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

/** One read per request, shared by the title and the page. */
const loadIntegration = cache((id: string) => loadOrNotFound(monitorApi.integration(id)));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: `Edit ${(await loadIntegration(id)).name}` };
}

export default async function EditIntegrationPage({ params }: { params: Params }) {
  const { id } = await params;
  const integration = await loadIntegration(id);
  const detailHref = `/integrations/${encodeURIComponent(integration.id)}`;
  return (
    <>
      <div className="page-head">
        <div>
          <Link href={detailHref} className="muted">
            ← {integration.name}
          </Link>
          <h1>Edit {integration.name}</h1>
          <p className="muted">Secrets are never shown: leave a secret empty to keep the stored one.</p>
        </div>
      </div>
      <IntegrationFormRoute
        integration={integration}
        saveAction={saveIntegration.bind(null, integration.id)}
        testAction={testIntegration}
      />
    </>
  );
}
