import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHead } from '../../../../components/page-head';
import { IntegrationFormRoute } from '../../../../components/integration-form/integration-form-route';
import { saveIntegration, testIntegration } from '../../../integrations/actions';
import { schemaProblem } from '../../../integrations/schema-actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Register an integration' };

export default function NewIntegrationPage() {
  return (
    <>
      <PageHead
        title="Register an integration"
        back={{ href: '/', label: 'Overview' }}
        actions={
          <Link href="/integrations/import" className="button">
            Import from OpenAPI
          </Link>
        }
      >
        <p className="muted">
          An HTTP probe can be tested before saving (Test probes once and stores nothing); a webhook gets its
          receiver URL once registered.
        </p>
      </PageHead>
      <IntegrationFormRoute
        integration={null}
        saveAction={saveIntegration.bind(null, null)}
        testAction={testIntegration}
        checkSchemaAction={schemaProblem}
      />
    </>
  );
}
