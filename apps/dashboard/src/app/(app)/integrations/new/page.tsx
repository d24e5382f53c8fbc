import type { Metadata } from 'next';
import Link from 'next/link';
import { IntegrationFormRoute } from '../../../../components/integration-form/integration-form-route';
import { saveIntegration, testIntegration } from '../../../integrations/actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Register an integration' };

export default function NewIntegrationPage() {
  return (
    <>
      <div className="page-head">
        <div>
          <Link href="/" className="muted">
            ← Overview
          </Link>
          <h1>Register an integration</h1>
          <p className="muted">Test it before saving: the Test button probes once and stores nothing.</p>
        </div>
      </div>
      <IntegrationFormRoute
        integration={null}
        saveAction={saveIntegration.bind(null, null)}
        testAction={testIntegration}
      />
    </>
  );
}
