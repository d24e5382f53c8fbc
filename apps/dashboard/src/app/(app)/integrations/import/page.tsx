import type { Metadata } from 'next';
import { OpenApiImportWizard } from '../../../../components/openapi-import/openapi-import-wizard';
import { PageHead } from '../../../../components/page-head';
import { canEdit } from '../../../../lib/can-edit';
import { saveIntegration, testIntegration } from '../../../integrations/actions';
import { readOpenApiDocument } from '../../../integrations/import-actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Import from OpenAPI' };

export default async function ImportIntegrationsPage() {
  return (
    <>
      <PageHead
        title="Import from OpenAPI"
        back={{ href: '/integrations/new', label: 'Register an integration' }}
      >
        <p className="muted">
          Pick the operations of a provider&apos;s OpenAPI document to monitor: each becomes an integration
          with its method, URL, expected status and the JSON Schema of its answer.
        </p>
      </PageHead>
      {(await canEdit()) ? (
        <OpenApiImportWizard
          read={readOpenApiDocument}
          test={testIntegration}
          save={saveIntegration.bind(null, null)}
        />
      ) : (
        <p className="banner">Registering integrations needs the editor role.</p>
      )}
    </>
  );
}
